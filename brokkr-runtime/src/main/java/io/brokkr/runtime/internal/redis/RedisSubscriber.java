package io.brokkr.runtime.internal.redis;

import io.brokkr.runtime.internal.redis.DirectFunctionCalls.Policy;
import io.brokkr.runtime.internal.redis.DirectFunctionCalls.Server;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.redisson.Redisson;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisException;
import org.redisson.client.RedisTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A view's subscriptions on one connection of the backend's own. Its reader thread hands each message
 * to its handler at once: Redisson decodes a message on its event loop and runs the handler on a
 * thread of its executor, a hand-off more, and its pub/sub cost a node about a third of its CPU with
 * one saga in flight (2026-12-05-2-cores-round24.txt). Its reads block without a timeout (a timed
 * read polls before it reads: two more system calls a message); a watch thread, one for every
 * subscriber, pings a connection silent for {@link #IDLE_MILLIS}. A connection that breaks, or that
 * does not answer the PING within the client's response timeout, is opened again after the
 * client's retry delay, to the server Redisson then names, and every subscription is made again; each
 * confirmation runs the subscription's {@code confirmed}, so the view learns that messages may have
 * been missed. Serves one server or a Cluster (a message published on any node reaches every node's
 * subscribers), over {@code redis://}, as {@link DirectFunctionCalls} does; on a Cluster a sharded
 * channel is another server's, whose subscriptions {@link SlotTopics} keeps on connections of their own.
 */
final class RedisSubscriber implements Topics {
  private static final Logger LOG = LoggerFactory.getLogger(RedisSubscriber.class);
  /** How long the connection may be silent before a PING asks whether it is still alive. */
  static final int IDLE_MILLIS = 1_000;
  /** How often the watch looks: a dead connection is dropped within the idle time, the timeout and this. */
  private static final int WATCH_EVERY_MILLIS = IDLE_MILLIS / 4;
  private static final String NOBODY = "";

  /** The thread that watches every subscriber's connection for silence (created at the first). */
  private static final class Watch {
    static final ScheduledExecutorService THREAD = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "brokkr-redis-events-watch");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** One connection, and what its reader and its watch know of it. */
  private static final class Link {
    final Socket socket;
    /**
     * Whom each command written answers, in the order written (a subscription's key, or {@link
     * #NOBODY}): a refusal names no channel, only its place among the replies.
     */
    final Queue<String> answering = new ConcurrentLinkedQueue<>();
    volatile long heardAt = System.nanoTime();
    /** When the watch sent a PING not answered yet; 0 for none. */
    volatile long pingedAt;
    @Nullable ScheduledFuture<?> watch; // guarded by the subscriber

    Link(Socket socket) {
      this.socket = socket;
    }
  }

  private record Subscription(String name, Kind kind, Handler handler, Runnable confirmed) {
    String key() {
      return switch (kind) {
        case CHANNEL -> "c:";
        case PATTERN -> "p:";
        case SHARD -> "s:";
      } + name;
    }

    byte[] command() {
      return RespCommand.of(switch (kind) {
        case CHANNEL -> "SUBSCRIBE";
        case PATTERN -> "PSUBSCRIBE";
        case SHARD -> "SSUBSCRIBE";
      }, name);
    }

    byte[] undo() {
      return RespCommand.of(switch (kind) {
        case CHANNEL -> "UNSUBSCRIBE";
        case PATTERN -> "PUNSUBSCRIBE";
        case SHARD -> "SUNSUBSCRIBE";
      }, name);
    }

    /** Whom the reply of {@link #undo()} answers: a sharded channel's tells it from Redis's own. */
    String undoing() {
      return "u:" + key();
    }
  }

  private final Supplier<Optional<Server>> server;
  private final Policy policy;
  /** What is subscribed, by "c:", "p:" or "s:" and the (mapped) name: made again on every new connection. */
  private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
  /** Subscriptions waiting for their first confirmation, by the same keys. */
  private final Map<String, CompletableFuture<Void>> unconfirmed = new ConcurrentHashMap<>();
  private @Nullable Link link; // guarded by this
  private boolean closed; // guarded by this

  /**
   * @param server the server to connect to, asked at every connection (empty: none can be reached now)
   * @param policy the client's timeouts, retry delay and name mapper
   */
  RedisSubscriber(Supplier<Optional<Server>> server, Policy policy) {
    this.server = server;
    this.policy = policy;
  }

  /**
   * The subscriptions of a view of {@code redisson} on a connection of their own, to the server of
   * {@code channel}'s slot, when the client's configuration allows it ({@link DirectFunctionCalls#route}).
   */
  static Optional<Topics> of(Redisson redisson, String channel) {
    return DirectFunctionCalls.route(redisson).map(route -> {
      Topics events = new RedisSubscriber(() -> route.servers().of(channel), route.policy());
      return redisson.getConfig().isClusterConfig()
          ? new SlotTopics(events, shard -> new RedisSubscriber(() -> route.servers().of(shard), route.policy()))
          : events;
    });
  }

  @Override
  public Runnable subscribe(String channel, Kind kind, Handler handler, Runnable confirmed) {
    Subscription subscription = new Subscription(policy.names().map(channel), kind, handler, confirmed);
    String key = subscription.key();
    CompletableFuture<Void> confirmation = new CompletableFuture<>();
    unconfirmed.put(key, confirmation);
    subscriptions.put(key, subscription);
    try {
      subscribeOnConnection(subscription);
      confirmation.get(policy.timeoutMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw forget(subscription, new RedisTimeoutException("Redis did not confirm the subscription to " + channel
          + " within " + policy.timeoutMillis() + " ms"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw forget(subscription, new RedisException("interrupted while subscribing to " + channel));
    } catch (ExecutionException e) {
      throw forget(subscription, e.getCause() instanceof RedisException r ? r
          : new RedisConnectionException("could not subscribe to " + channel + ": " + e.getCause(), e.getCause()));
    } catch (RuntimeException e) {
      throw forget(subscription, e);
    }
    return () -> unsubscribe(subscription);
  }

  /** Closes the connection; its reader ends. */
  @Override
  public void close() {
    Link open;
    synchronized (this) {
      closed = true;
      open = link;
    }
    if (open != null) {
      dropped(open);
    }
    subscriptions.clear();
    unconfirmed.values().forEach(c -> c.completeExceptionally(new RedisException("the subscriptions were closed")));
  }

  private RuntimeException forget(Subscription subscription, RuntimeException failure) {
    unconfirmed.remove(subscription.key());
    unsubscribe(subscription);
    return failure;
  }

  /** Takes a subscription out of the list, and off the connection if there is one (a new one will not make it). */
  private void unsubscribe(Subscription subscription) {
    if (subscriptions.remove(subscription.key(), subscription)) {
      synchronized (this) {
        if (link != null) {
          send(link, subscription.undo(), subscription.undoing());
        }
      }
    }
  }

  /** Subscribes on the connection, opening it first when there is none. */
  private synchronized void subscribeOnConnection(Subscription subscription) {
    if (closed) {
      throw new RedisException("the subscriptions were closed");
    }
    if (link == null) {
      open(); // a new connection subscribes everything listed, this one included
    } else if (!send(link, subscription.command(), subscription.key())) {
      throw new RedisConnectionException("the subscription connection to Redis broke");
    }
  }

  /**
   * Writes on {@code connection}, whose reply answers {@code whom}; false, the connection dropped (the
   * reader connects again), when it broke. The caller holds the lock.
   */
  private boolean send(Link connection, byte[] command, String whom) {
    try {
      connection.answering.add(whom);
      connection.socket.getOutputStream().write(command);
      return true;
    } catch (IOException e) {
      dropped(connection);
      return false;
    }
  }

  /** Connects and subscribes to everything listed; the caller holds the lock. */
  private void open() {
    Server to = server.get().orElseThrow(() -> new RedisConnectionException("no Redis server to subscribe on"));
    Link opened;
    RespReader replies;
    try {
      opened = new Link(RedisPipe.connect(to.address(), policy.connectTimeoutMillis(), policy.timeoutMillis(),
          DirectFunctionCalls.handshake(to)));
      replies = new RespReader(opened.socket.getInputStream());
      opened.socket.setSoTimeout(0);
      OutputStream out = opened.socket.getOutputStream();
      for (Subscription subscription : List.copyOf(subscriptions.values())) {
        opened.answering.add(subscription.key());
        out.write(subscription.command());
      }
    } catch (IOException e) {
      throw new RedisConnectionException("cannot connect to Redis at " + to.address() + " to subscribe: "
          + e.getMessage(), e);
    }
    link = opened;
    opened.watch = Watch.THREAD.scheduleWithFixedDelay(() -> watch(opened), WATCH_EVERY_MILLIS, WATCH_EVERY_MILLIS,
        TimeUnit.MILLISECONDS);
    Thread thread = new Thread(() -> read(opened, replies), "brokkr-redis-events " + to.address());
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Pings {@code connection} once it has been silent for {@link #IDLE_MILLIS}; drops it (its reader
   * connects again) when the PING went unanswered past the response timeout.
   */
  private synchronized void watch(Link connection) {
    if (link != connection) {
      return;
    }
    long now = System.nanoTime();
    long pinged = connection.pingedAt;
    if (pinged == 0) {
      if (now - connection.heardAt >= TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS)) {
        connection.pingedAt = now;
        send(connection, RespCommand.of("PING"), NOBODY);
      }
    } else if (now - pinged > TimeUnit.MILLISECONDS.toNanos(policy.timeoutMillis())) {
      LOG.warn("Redis did not answer a PING on the subscription connection within {} ms", policy.timeoutMillis());
      dropped(connection);
    }
  }

  /**
   * Reads the connection's messages and confirmations until it breaks or closes; then, unless
   * closed, connects again after the retry delay until it can.
   */
  private void read(Link connection, RespReader replies) {
    try {
      while (true) {
        Object reply = replies.next();
        connection.heardAt = System.nanoTime();
        connection.pingedAt = 0;
        take(reply, connection.answering);
      }
    } catch (IOException | RuntimeException e) {
      dropped(connection);
      synchronized (this) {
        if (closed || link != null) {
          return; // closed, or a subscription connected meanwhile
        }
      }
      LOG.warn("the subscription connection to Redis broke ({}); connecting again", e.toString());
      reconnect();
    }
  }

  private void take(@Nullable Object reply, Queue<String> whom) {
    if (reply instanceof RespReader.Error error) {
      refused(whom.poll(), error.message());
      return;
    }
    if (!(reply instanceof List<?> parts) || parts.isEmpty()) {
      return;
    }
    switch (String.valueOf(parts.get(0))) {
      case "message" -> deliver("c:" + parts.get(1), String.valueOf(parts.get(1)), parts.get(2));
      case "pmessage" -> deliver("p:" + parts.get(1), String.valueOf(parts.get(2)), parts.get(3));
      case "smessage" -> deliver("s:" + parts.get(1), String.valueOf(parts.get(1)), parts.get(2));
      case "subscribe" -> confirmed("c:" + parts.get(1), whom);
      case "psubscribe" -> confirmed("p:" + parts.get(1), whom);
      case "ssubscribe" -> confirmed("s:" + parts.get(1), whom);
      case "sunsubscribe" -> shardUnsubscribed("s:" + parts.get(1), whom);
      default -> whom.poll(); // unsubscribe, punsubscribe, pong
    }
  }

  /**
   * The end of a sharded subscription: the answer to this subscriber's {@code SUNSUBSCRIBE}, or Redis
   * letting go of it by itself because its slot moved to another server, which throws the connection
   * away: the next one, to the server that owns the slot now, subscribes to everything again.
   */
  private void shardUnsubscribed(String key, Queue<String> whom) {
    if (("u:" + key).equals(whom.peek())) {
      whom.poll();
      return;
    }
    LOG.info("Redis ended the subscription to {} (its slot moved); subscribing again", key.substring(2));
    dropConnection();
  }

  /** Closes the current connection, if any: its reader connects again. */
  private void dropConnection() {
    Link current;
    synchronized (this) {
      current = link;
    }
    if (current != null) {
      dropped(current);
    }
  }

  /**
   * A command Redis refused: a subscription waiting for it fails with Redis's message. Refused for an
   * ACL's NOPERM, it stays refused; for a {@code MOVED} (a sharded channel's slot is another server's
   * now, which the client had not learned yet), the connection is thrown away and the next one,
   * after the retry delay, asks again where the slot is.
   */
  private void refused(@Nullable String key, String message) {
    LOG.warn("Redis refused a subscription: {}", message);
    CompletableFuture<Void> waiting = key == null ? null : unconfirmed.get(key);
    if (waiting != null) {
      waiting.completeExceptionally(new RedisException(message));
    }
    if (message.startsWith("MOVED")) {
      dropConnection();
    }
  }

  private void deliver(String key, String channel, @Nullable Object text) {
    Subscription subscription = subscriptions.get(key);
    if (subscription != null && text != null) {
      try {
        subscription.handler().message(policy.names().unmap(channel), text.toString());
      } catch (RuntimeException e) {
        LOG.warn("a subscription's handler failed on a message of " + channel, e);
      }
    }
  }

  private void confirmed(String key, Queue<String> whom) {
    whom.poll();
    Subscription subscription = subscriptions.get(key);
    if (subscription != null) {
      subscription.confirmed().run();
    }
    CompletableFuture<Void> waiting = unconfirmed.remove(key);
    if (waiting != null) {
      waiting.complete(null);
    }
  }

  /** Closes {@code connection} and stops its watch, and forgets it if it is the current one. */
  private void dropped(Link connection) {
    synchronized (this) {
      if (link == connection) {
        link = null;
      }
      if (connection.watch != null) {
        connection.watch.cancel(false);
      }
    }
    try {
      connection.socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  /** Connects again, after the retry delay each time, until connected, closed, or nothing is subscribed. */
  private void reconnect() {
    for (int attempt = 0; ; attempt++) {
      try {
        Thread.sleep(policy.retryDelay().calcDelay(Math.min(attempt, 10)).toMillis());
      } catch (InterruptedException e) {
        return;
      }
      synchronized (this) {
        if (closed || link != null || subscriptions.isEmpty()) {
          return; // closed, connected by a subscription meanwhile, or nothing to hear
        }
        try {
          open();
          return;
        } catch (RuntimeException e) {
          LOG.debug("could not connect again to subscribe; trying later", e);
        }
      }
    }
  }
}
