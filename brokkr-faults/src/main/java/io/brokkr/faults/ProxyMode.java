package io.brokkr.faults;

/**
 * What the {@link FaultProxy} does to the bytes between a node and Redis. Bytes it swallows are
 * never delivered later (TCP would not resume a stream with a gap), so when the proxy heals it
 * resets every connection that lost bytes: the client sees a timeout, then a broken connection.
 */
public enum ProxyMode {
  /** Bytes pass as they come. */
  PASS(false, false),
  /** Bytes pass, each chunk delayed by the proxy's latency. */
  LATENCY(false, false),
  /** Requests reach Redis and run; the replies are swallowed (the ambiguous-reply case). */
  DROP_REPLIES(false, true),
  /** Nothing passes either way; connections stay open. */
  BLACKHOLE(true, true),
  /** The node's requests are swallowed; whatever Redis sends (pub/sub) still reaches it. */
  ONE_WAY(true, false);

  private final boolean dropsRequests;
  private final boolean dropsReplies;

  ProxyMode(boolean dropsRequests, boolean dropsReplies) {
    this.dropsRequests = dropsRequests;
    this.dropsReplies = dropsReplies;
  }

  boolean drops(boolean request) {
    return request ? dropsRequests : dropsReplies;
  }
}
