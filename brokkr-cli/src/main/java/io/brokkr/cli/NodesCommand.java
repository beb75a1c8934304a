package io.brokkr.cli;

import io.brokkr.runtime.NodeInfo;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code brokkr nodes}: the live nodes of the namespace. */
@Command(name = "nodes", description = {
    "Lists the live nodes of the namespace, as each last announced itself.",
    "A node announces itself every " + NodeInfo.ANNOUNCE_EVERY_SECONDS + " s; one that stops doing so drops out"
        + " within " + 3 * NodeInfo.ANNOUNCE_EVERY_SECONDS + " s. This command's own node does not announce itself."})
final class NodesCommand extends CliCommand {
  @Mixin
  ConnectionOptions connection;

  /**
   * A node as {@code --json} prints it.
   *
   * @param nodeId its id
   * @param host the machine it runs on
   * @param workers the workers it hosts, sorted
   * @param concurrency the most attempts it runs at once
   * @param runningAttempts the attempts it was running when it announced itself
   * @param lastSeen when it announced itself, by its clock, ISO-8601
   */
  record Node(String nodeId, String host, Set<String> workers, int concurrency, int runningAttempts, String lastSeen) {
    static Node of(NodeInfo node) {
      return new Node(node.nodeId(), node.host(), node.workers(), node.concurrency(), node.runningAttempts(),
          node.lastSeen().toString());
    }
  }

  /**
   * The nodes as {@code --json} prints them.
   *
   * @param nodes the live nodes, by id
   */
  record Nodes(List<Node> nodes) {}

  @Override
  int execute(Output out) throws Exception {
    try (Connection open = Connection.open(connection, List.of())) {
      List<NodeInfo> nodes = open.brokkr().liveNodes();
      if (out.json()) {
        out.printJson(new Nodes(nodes.stream().map(Node::of).toList()));
        return ExitCodes.OK;
      }
      if (nodes.isEmpty()) {
        out.println("no live nodes in namespace \"" + connection.namespace + "\"");
        return ExitCodes.OK;
      }
      Instant now = Instant.now();
      Table table = new Table("NODE", "HOST", "WORKERS", "RUNNING/CONCURRENCY", "LAST SEEN");
      for (NodeInfo node : nodes) {
        table.row(Table.Cell.plain(node.nodeId()), Table.Cell.plain(node.host()),
            Table.Cell.plain(node.workers().isEmpty() ? "-" : String.join(", ", node.workers())),
            Table.Cell.plain(node.runningAttempts() + "/" + node.concurrency()),
            Table.Cell.plain(Times.ago(node.lastSeen(), now)));
      }
      table.render(out).forEach(out::println);
      return ExitCodes.OK;
    }
  }
}
