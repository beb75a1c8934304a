package io.brokkr.runtime.internal.redis;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Where a namespace keeps what. Every key starts with a hash tag {@code {namespace:partition}}: a
 * saga's hash, and the ready set, timers, active set and ready sequence of its partition share one
 * slot, so a script touches one slot, and the partitions of a namespace spread over a cluster.
 *
 * <pre>
 * {ns:p}:saga:&lt;sagaId&gt;  hash   status, seq, tok, open, order, fail, in (inbox); s:&lt;step&gt; state, a:&lt;step&gt; args, r:&lt;step&gt; result
 * {ns:p}:ready           zset   entries "worker\nseq\nsagaId\nstepId", all scored 0, read by prefix
 * {ns:p}:timers          zset   "sagaId\nstepId" scored by due time (lease expiry, end of backoff)
 * {ns:p}:active          set    ids of the RUNNING and COMPENSATING sagas
 * {ns:p}:seq             string the last ready sequence number
 * {ns:p}:h:&lt;sagaId&gt;     list   the saga's history, one JSON entry each, expiring with the saga
 * {ns:p}:ix              zset   every saga of the partition, scored by its last change (ms)
 * {ns:p}:ix:&lt;STATUS&gt;     zset   the sagas of a status, scored the same
 * {ns:p}:ix:n:&lt;name&gt;     zset   the sagas of a name, scored the same
 * {ns:p}:ix:names        hash   sagaId: name, for every named saga (to drop its entries when it expires)
 * {ns:meta}              hash   partitions
 * {ns:nodes}             set    ids of the nodes that announced themselves
 * {ns:nodes}:&lt;nodeId&gt;    string a node's announcement (JSON), expiring
 * {ns:events}:n:&lt;inbox&gt; pub/sub channel of the events of the sagas one view created (the saga's
 *                        field in); views that watch every saga subscribe to {ns:events}:n:*
 * {ns:events}:w:&lt;worker&gt; a ready entry that heads one worker's queue in a partition (one that
 *                        was empty, or whose head was taken in the same call)
 * {ns:p}:w:&lt;worker&gt;:n:&lt;inbox&gt; sharded pub/sub channel (in the partition's slot): the same,
 *                        told first to the view that created its saga; on the worker's channel only
 *                        when no view hears it here
 * </pre>
 */
final class KeyLayout {
  private final String namespace;
  private final int partitions;
  /**
   * Per partition, its hash tag and the keys every transition names: made once, since each call of
   * the hot path names them (they were a few percent of the client's CPU when made per call).
   */
  private final String[] tags;
  private final String[] readyKeys;
  private final String[] timersKeys;
  private final String[] activeKeys;
  private final String[] seqKeys;
  private final String[] indexKeys;

  KeyLayout(String namespace, int partitions) {
    this.namespace = namespace;
    this.partitions = partitions;
    tags = new String[partitions];
    readyKeys = new String[partitions];
    timersKeys = new String[partitions];
    activeKeys = new String[partitions];
    seqKeys = new String[partitions];
    indexKeys = new String[partitions];
    for (int p = 0; p < partitions; p++) {
      tags[p] = "{" + namespace + ":" + p + "}";
      readyKeys[p] = tags[p] + ":ready";
      timersKeys[p] = tags[p] + ":timers";
      activeKeys[p] = tags[p] + ":active";
      seqKeys[p] = tags[p] + ":seq";
      indexKeys[p] = tags[p] + ":ix";
    }
  }

  String namespace() {
    return namespace;
  }

  int partitions() {
    return partitions;
  }

  /** The partition of a saga: stable across nodes and JVMs. */
  int partitionOf(String sagaId) {
    CRC32 crc = new CRC32();
    crc.update(sagaId.getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % partitions);
  }

  String sagaKey(String sagaId) {
    return sagaKeyPrefix(partitionOf(sagaId)) + sagaId;
  }

  /** The list of a saga's history entries. */
  String historyKey(String sagaId) {
    return tag(partitionOf(sagaId)) + ":h:" + sagaId;
  }

  String readyKey(int partition) {
    return readyKeys[partition];
  }

  String timersKey(int partition) {
    return timersKeys[partition];
  }

  String activeKey(int partition) {
    return activeKeys[partition];
  }

  String seqKey(int partition) {
    return seqKeys[partition];
  }

  /**
   * The prefix of the partition's status and name indexes; once, before 2026-12-04, also an index of
   * every saga, which the trim still cleans.
   */
  String indexKey(int partition) {
    return indexKeys[partition];
  }

  /** The key of a status's index ({@code indexKey:STATUS}). */
  String statusIndexKey(int partition, String status) {
    return indexKey(partition) + ":" + status;
  }

  /** The key of a name's index ({@code indexKey:n:name}). */
  String nameIndexKey(int partition, String name) {
    return indexKey(partition) + ":n:" + name;
  }

  /** What the keys of a partition's sagas start with. */
  String sagaKeyPrefix(int partition) {
    return tag(partition) + ":saga:";
  }

  /** The set of the namespace's announced node ids. */
  String nodesKey() {
    return "{" + namespace + ":nodes}";
  }

  /** What the keys of the nodes' announcements start with (same slot as {@link #nodesKey()}). */
  String nodeKeyPrefix() {
    return nodesKey() + ":";
  }

  String metaKey() {
    return "{" + namespace + ":meta}";
  }

  /** What the namespace's channels start with. */
  String channel() {
    return "{" + namespace + ":events}";
  }

  /** The pattern of every inbox: every saga's events, for the views that watch them all. */
  String inboxPattern() {
    return channel() + ":n:*";
  }

  /** The channel of the events of the sagas a view created (its inbox, a random id per view). */
  String inboxChannel(String inbox) {
    return channel() + ":n:" + inbox;
  }

  /** Whether scripts tell the view whose inbox is {@code inboxChannel} first of the heads its sagas make. */
  boolean toldFirst(String inboxChannel) {
    return Ids.toldFirst(inboxChannel.substring(inboxChannel("").length()));
  }

  /** The channel of one worker's ready entries that head its queue in a partition (common.lua's publish). */
  String workerChannel(String worker) {
    return channel() + ":w:" + worker;
  }

  /**
   * The sharded channel on which the view whose inbox is {@code inboxChannel} hears first of the heads
   * of {@code worker}'s queue in {@code partition} that its own sagas' steps make (common.lua's
   * publish): in the partition's slot, so that the script's {@code SPUBLISH} counts the view where it
   * subscribed, on one server or a Cluster.
   */
  String creatorChannel(String worker, int partition, String inboxChannel) {
    return tag(partition) + ":w:" + worker + inboxChannel.substring(channel().length());
  }

  /** The KEYS of every transition of a saga, in the order common.lua names them. */
  List<Object> keys(String sagaId) {
    int p = partitionOf(sagaId);
    return List.of(tags[p] + ":saga:" + sagaId, readyKeys[p], timersKeys[p], activeKeys[p], seqKeys[p], indexKeys[p],
        tags[p] + ":h:" + sagaId);
  }

  private String tag(int partition) {
    return tags[partition];
  }
}
