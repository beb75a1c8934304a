package io.brokkr.spring.boot.autoconfigure;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.NodeInfo;
import io.brokkr.runtime.SagaStatus;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code brokkr} actuator endpoint ({@code /actuator/brokkr} once exposed): the namespace's
 * sagas counted by status, its live nodes and the workers whose ready steps no live node hosts.
 */
@Endpoint(id = "brokkr")
public final class BrokkrEndpoint {
  private final Brokkr brokkr;
  private final NodeIdentity node;

  BrokkrEndpoint(Brokkr brokkr, NodeIdentity node) {
    this.brokkr = brokkr;
    this.node = node;
  }

  /** {@return the namespace's counts, nodes and stranded workers, read from the store now} */
  @ReadOperation
  public Report report() {
    return new Report(brokkr.namespace(), node.nodeId(), node.store(), brokkr.countSagas(), brokkr.liveNodes(),
        brokkr.strandedWorkers());
  }

  /**
   * What the endpoint answers.
   *
   * @param namespace the node's namespace
   * @param nodeId this node's id
   * @param store {@code redis} or {@code in-memory}
   * @param sagas how many sagas the namespace keeps, by status (every status listed)
   * @param nodes the live nodes of the namespace, as each last announced itself
   * @param strandedWorkers the workers with ready steps that no live node hosts, with how many steps
   */
  public record Report(String namespace, String nodeId, String store, Map<SagaStatus, Long> sagas,
      List<NodeInfo> nodes, Map<String, Long> strandedWorkers) {}
}
