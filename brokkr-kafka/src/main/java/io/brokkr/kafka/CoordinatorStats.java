package io.brokkr.kafka;

/**
 * What a coordinator did since it started: a metrics snapshot.
 *
 * @param published requests published and acknowledged
 * @param settled results that settled their attempt
 * @param refused results refused by the fence: a duplicate, the reply of a superseded attempt, or a
 *     result for a step or saga settled already (each is logged)
 * @param deadLettered results sent to the dead-letter topic: malformed, or for an unknown saga or step
 * @param foreign results of another namespace, left to its coordinator
 */
public record CoordinatorStats(long published, long settled, long refused, long deadLettered, long foreign) {}
