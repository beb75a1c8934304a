package io.brokkr.spring.boot.autoconfigure;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.NodeInfo;
import java.util.List;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code brokkr} health: UP when the store answers and this node is among the live nodes of its
 * namespace (it announced itself in time), DOWN otherwise; the details name the node, the store,
 * the namespace and how many nodes are live.
 */
final class BrokkrHealthIndicator extends AbstractHealthIndicator {
  private final Brokkr brokkr;
  private final NodeIdentity node;

  BrokkrHealthIndicator(Brokkr brokkr, NodeIdentity node) {
    super("Brokkr health check failed");
    this.brokkr = brokkr;
    this.node = node;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.withDetail("namespace", brokkr.namespace())
        .withDetail("nodeId", node.nodeId())
        .withDetail("store", node.store());
    // A read of the store: an unreachable store throws, which the base class reports as DOWN.
    List<NodeInfo> live = brokkr.liveNodes();
    builder.withDetail("liveNodes", live.size());
    if (live.stream().anyMatch(n -> n.nodeId().equals(node.nodeId()))) {
      builder.up();
    } else {
      builder.down().withDetail("reason", "this node is not among the live nodes of its namespace");
    }
  }
}
