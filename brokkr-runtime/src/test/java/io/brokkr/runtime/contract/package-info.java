/**
 * The contract suite of the store SPI: every semantic of the runtime, as tests that any store must
 * pass unchanged. A store's test extends {@link io.brokkr.runtime.contract.SagaStoreContractTest}
 * and supplies a fresh backend per test; the suite ships in the runtime's test-jar.
 */
@NullMarked
package io.brokkr.runtime.contract;

import org.jspecify.annotations.NullMarked;
