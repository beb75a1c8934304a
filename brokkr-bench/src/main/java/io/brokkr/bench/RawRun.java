package io.brokkr.bench;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What a peer measured in one run, before any statistics; the BullMQ peer sends the same fields as
 * JSON, so both peers' figures are computed by the same code.
 *
 * @param sagas sagas that settled
 * @param steps steps that ran
 * @param elapsedUs from the first start to the last outcome
 * @param submitUs how long starting the sagas took (until the last start returned)
 * @param clientCpuUs CPU time of the client process (JVM or Node) over the run
 * @param latenciesUs start-to-outcome time of each saga, when one was in flight at a time
 * @param hopsUs for chains, per level: the time from the previous level's step starting (the
 *     saga's start for level 0) to this level's step starting; the last entry is the time from the
 *     last step starting to the outcome
 * @param clientAllocatedBytes heap the client JVM allocated over the run ({@link HeapAllocation}); 0 when
 *     not measured (BullMQ's Node)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record RawRun(int sagas, int steps, long elapsedUs, long submitUs, long clientCpuUs, long[] latenciesUs,
    List<long[]> hopsUs, long clientAllocatedBytes) {}
