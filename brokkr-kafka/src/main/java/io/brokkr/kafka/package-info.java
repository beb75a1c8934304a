/**
 * The Kafka bridge: steps that run in other services. A {@link io.brokkr.kafka.KafkaCoordinator}
 * binds worker names to request topics and settles their steps from the results topic; a
 * {@link io.brokkr.kafka.KafkaStepService} runs a service's business functions on those requests.
 */
@NullMarked
package io.brokkr.kafka;

import org.jspecify.annotations.NullMarked;
