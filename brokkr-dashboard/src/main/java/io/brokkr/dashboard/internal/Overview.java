package io.brokkr.dashboard.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.NodeInfo;
import io.brokkr.runtime.ReadyQueue;
import io.brokkr.runtime.SagaStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The overview: sagas by status, the last hour's activity, live nodes, ready queues and stranded work. */
final class Overview {
  private final Brokkr brokkr;
  private final Activity activity;
  private final Clock clock;

  Overview(Brokkr brokkr, Activity activity, Clock clock) {
    this.brokkr = brokkr;
    this.activity = activity;
    this.clock = clock;
  }

  ObjectNode read() {
    ObjectNode overview = JsonNodeFactory.instance.objectNode();
    overview.put("namespace", brokkr.namespace());
    Instant at = clock.instant();
    overview.put("at", at.toString());
    ObjectNode counts = overview.putObject("counts");
    long total = 0;
    for (Map.Entry<SagaStatus, Long> count : brokkr.countSagas().entrySet()) {
      counts.put(count.getKey().name(), count.getValue());
      total += count.getValue();
    }
    overview.put("total", total);
    overview.set("activity", activity.lastHour());
    ArrayNode nodes = overview.putArray("nodes");
    for (NodeInfo node : brokkr.liveNodes()) {
      ObjectNode row = nodes.addObject()
          .put("nodeId", node.nodeId())
          .put("host", node.host())
          .put("concurrency", node.concurrency())
          .put("runningAttempts", node.runningAttempts())
          .put("lastSeen", node.lastSeen().toString());
      ArrayNode workers = row.putArray("workers");
      node.workers().forEach(workers::add);
    }
    ArrayNode queues = overview.putArray("readyQueues");
    for (ReadyQueue queue : brokkr.readyQueues()) {
      ObjectNode row = queues.addObject().put("worker", queue.worker()).put("depth", queue.depth());
      // The age is measured here, by the dashboard's clock, so that a browser's clock does not skew it.
      queue.oldestReadyAt().ifPresent(oldest -> row.put("oldestReadyAt", oldest.toString())
          .put("oldestAgeMillis", Math.max(0, Duration.between(oldest, at).toMillis())));
    }
    ArrayNode stranded = overview.putArray("stranded");
    brokkr.strandedWorkers().forEach((worker, ready) -> stranded.addObject().put("worker", worker).put("readySteps", ready));
    return overview;
  }
}
