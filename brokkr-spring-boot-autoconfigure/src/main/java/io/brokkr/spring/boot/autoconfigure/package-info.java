/**
 * Spring Boot auto-configuration of a Brokkr node: {@link io.brokkr.spring.boot.autoconfigure.BrokkrProperties}
 * under {@code brokkr.}, a {@code Brokkr} bean on Redis or in memory, the application's {@code @Saga}
 * beans registered through their generated launchers, its {@code Worker} and {@code SagaListener}
 * beans, a lifecycle that starts the workers once the context is ready and drains the node on
 * shutdown, a {@code brokkr} health indicator, a {@code brokkr} actuator endpoint, and the dashboard
 * at {@code /brokkr} when {@code brokkr-dashboard} is on the class path.
 */
@NullMarked
package io.brokkr.spring.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
