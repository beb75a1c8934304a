/**
 * The Brokkr runtime: {@link io.brokkr.runtime.Brokkr} runs sagas built at run time
 * ({@link io.brokkr.runtime.Brokkr#createSaga()}) or from templates
 * ({@link io.brokkr.runtime.Brokkr#start(io.brokkr.dsl.SagaTemplate, java.util.Map)}) with the
 * {@link io.brokkr.runtime.Worker workers} registered on each node.
 */
@NullMarked
package io.brokkr.runtime;

import org.jspecify.annotations.NullMarked;
