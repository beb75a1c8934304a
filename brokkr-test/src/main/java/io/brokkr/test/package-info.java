/**
 * The test kit: {@link io.brokkr.test.TestBrokkr}, an in-memory Brokkr node whose clock the test
 * moves ({@link io.brokkr.test.TestClock}), the JUnit 5 {@link io.brokkr.test.BrokkrExtension} that
 * hands one to each test, and {@link io.brokkr.test.SagaRun}, the assertions on what a saga did.
 */
@NullMarked
package io.brokkr.test;

import org.jspecify.annotations.NullMarked;
