package io.brokkr.runtime.internal.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brokkr.runtime.NodeInfo;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The nodes' announcements on Redis: a key per node that expires, and the set of their ids. */
final class NodeAnnouncements {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final KeyLayout keys;
  private final ScriptCalls calls;

  NodeAnnouncements(KeyLayout keys, ScriptCalls calls) {
    this.keys = keys;
    this.calls = calls;
  }

  void announce(NodeInfo node, Duration ttl) {
    calls.plain(Script.ANNOUNCE, List.of(keys.nodesKey(), keys.nodeKeyPrefix() + node.nodeId()), node.nodeId(),
        encode(node), ttl.toMillis());
  }

  void withdraw(String nodeId) {
    calls.plain(Script.WITHDRAW, List.of(keys.nodesKey(), keys.nodeKeyPrefix() + nodeId), nodeId);
  }

  List<NodeInfo> live() {
    List<NodeInfo> nodes = new ArrayList<>();
    for (Object json : calls.plain(Script.NODES, List.of(keys.nodesKey()), keys.nodeKeyPrefix())) {
      nodes.add(decode(String.valueOf(json)));
    }
    nodes.sort(Comparator.comparing(NodeInfo::nodeId));
    return nodes;
  }

  private static String encode(NodeInfo node) {
    ObjectNode json = JSON.createObjectNode()
        .put("id", node.nodeId())
        .put("host", node.host())
        .put("concurrency", node.concurrency())
        .put("running", node.runningAttempts())
        .put("seen", node.lastSeen().toEpochMilli());
    node.workers().forEach(json.putArray("workers")::add);
    return json.toString();
  }

  private static NodeInfo decode(String text) {
    try {
      JsonNode json = JSON.readTree(text);
      Set<String> workers = new TreeSet<>();
      json.path("workers").forEach(worker -> workers.add(worker.asText()));
      return new NodeInfo(json.get("id").asText(), json.get("host").asText(), workers, json.get("concurrency").asInt(),
          json.get("running").asInt(), Instant.ofEpochMilli(json.get("seen").asLong()));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a node announcement that is not JSON: " + text, e);
    }
  }
}
