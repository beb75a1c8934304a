/**
 * The store SPI: where sagas live. A {@link io.brokkr.runtime.spi.StoreBackend} opens one
 * {@link io.brokkr.runtime.spi.SagaStore} per node and namespace. Every method of a store is one
 * atomic transition that follows the tables {@link io.brokkr.runtime.spi.SagaTransition} and
 * {@link io.brokkr.runtime.spi.StepTransition}, decides what became ready and publishes the
 * resulting {@link io.brokkr.runtime.spi.StoreEvent events} to the nodes they concern (see
 * {@link io.brokkr.runtime.spi.SagaStore#subscribeToOwnWork}); the
 * engine never reads, modifies and writes back. Values (args, results) are JSON text.
 *
 * <p>The contract test suite {@code SagaStoreContractTest} (in the runtime's test-jar) states the
 * semantics; every store must pass it unchanged.
 */
@NullMarked
package io.brokkr.runtime.spi;

import org.jspecify.annotations.NullMarked;
