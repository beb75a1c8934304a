package io.brokkr.runtime.internal.redis;

import io.brokkr.runtime.internal.redis.DirectFunctionCalls.Policy;
import io.brokkr.runtime.internal.redis.DirectFunctionCalls.Server;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
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
 * one saga in flight (2026-12-05-2-cores-round24.txt). A connection that breaks, or that does not
 * answer a PING within the timeout after {@link #IDLE_MILLIS} of silence, is opened again after the
 * client's retry delay, to the server Redisson then names, and every subscription is made again; each
 * confirmation runs the subscription's {@code confirmed}, so the view learns that messages may have
 * been missed. Serves one server or a Cluster (a message published on any node reaches every node's
 * subscribers), over {@code redis://}, as {@link DirectFunctionCalls} does.
 */
final class RedisSubscriber implements Topics {
  private static final Logger LOG = LoggerFactory.getLogger(RedisSubscriber.class);
  /** How long the connection may be silent before a PING asks whether it is still alive. */
  static final int IDLE_MILLIS = 1_000;
  private static final String NOBODY = "";

  private record Subscription(String name, boolean pattern, Handler handler, Runnable confirmed) {
    String key() {
      return (pattern ? "p:" : "c:") + name;
    }

    byte[] command() {
      return RespCommand.of(pattern ? "PSUBSCRIBE" : "SUBSCRIBE", name);
    }
  }

  private final Supplier<Optional<Server>> server;
  private final Policy policy;
  /** What is subscribed, by "c:" or "p:" and the (mapped) name: made again on every new connection. */
  private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
  /** Subscriptions waiting for their first confirmation, by the same keys. */
  private final Map<String, CompletableFuture<Void>> unconfirmed = new ConcurrentHashMap<>();
  private @Nullable Socket socket; // guarded by this
  /**
   * Whom each command written on the current connection answers, in the order written (a subscription's
   * key, or {@link #NOBODY}): a refusal names no channel, only its place among the replies.
   */
  private Queue<String> answering = new ConcurrentLinkedQueue<>(); // guarded by this
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
    return DirectFunctionCalls.route(redisson)
        .map(route -> new RedisSubscriber(() -> route.servers().of(channel), route.policy()));
  }

  @Override
  public Runnable subscribe(String channel, boolean pattern, Handler handler, Runnable confirmed) {
    Subscription subscription = new Subscription(policy.names().map(channel), pattern, handler, confirmed);
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
    Socket open;
    synchronized (this) {
      closed = true;
      open = socket;
      socket = null;
    }
    quietlyClose(open);
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
      byte[] command = RespCommand.of(subscription.pattern() ? "PUNSUBSCRIBE" : "UNSUBSCRIBE", subscription.name());
      synchronized (this) {
        if (socket != null) {
          send(socket, command, NOBODY);
        }
      }
    }
  }

  /** Subscribes on the connection, opening it first when there is none. */
  private synchronized void subscribeOnConnection(Subscription subscription) {
    if (closed) {
      throw new RedisException("the subscriptions were closed");
    }
    if (socket == null) {
      open(); // a new connection subscribes everything listed, this one included
    } else if (!send(socket, subscription.command(), subscription.key())) {
      throw new RedisConnectionException("the subscription connection to Redis broke");
    }
  }

  /**
   * Writes on {@code connection}, whose reply answers {@code whom}; false, the connection dropped (the
   * reader connects again), when it broke. The caller holds the lock.
   */
  private boolean send(Socket connection, byte[] command, String whom) {
    try {
      answering.add(whom);
      connection.getOutputStream().write(command);
      return true;
    } catch (IOException e) {
      dropped(connection);
      return false;
    }
  }

  /** Connects and subscribes to everything listed; the caller holds the lock. */
  private void open() {
    Server to = server.get().orElseThrow(() -> new RedisConnectionException("no Redis server to subscribe on"));
    Socket opened;
    RespReader replies;
    try {
      opened = RedisPipe.connect(to.address(), policy.connectTimeoutMillis(), policy.timeoutMillis(),
          DirectFunctionCalls.handshake(to));
      replies = new RespReader(opened.getInputStream());
      opened.setSoTimeout(IDLE_MILLIS);
      answering = new ConcurrentLinkedQueue<>();
      OutputStream out = opened.getOutputStream();
      for (Subscription subscription : List.copyOf(subscriptions.values())) {
        answering.add(subscription.key());
        out.write(subscription.command());
      }
    } catch (IOException e) {
      throw new RedisConnectionException("cannot connect to Redis at " + to.address() + " to subscribe: "
          + e.getMessage(), e);
    }
    socket = opened;
    Queue<String> whom = answering;
    Thread thread = new Thread(() -> read(opened, replies, whom), "brokkr-redis-events " + to.address());
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Reads the connection's messages and confirmations until it breaks or closes; then, unless
   * closed, connects again after the retry delay until it can.
   */
  private void read(Socket connection, RespReader replies, Queue<String> whom) {
    long pingedAt = 0;
    try {
      while (true) {
        try {
          replies.awaitReply();
        } catch (SocketTimeoutException silent) {
          long now = System.nanoTime();
          if (pingedAt == 0) {
            pingedAt = now;
            synchronized (this) {
              if (socket != connection) {
                return;
              }
              whom.add(NOBODY);
              connection.getOutputStream().write(RespCommand.of("PING"));
            }
          } else if (now - pingedAt > TimeUnit.MILLISECONDS.toNanos(policy.timeoutMillis())) {
            throw new IOException("Redis did not answer a PING within " + policy.timeoutMillis() + " ms");
          }
          continue;
        }
        pingedAt = 0;
        connection.setSoTimeout(policy.timeoutMillis()); // the rest of a reply that began must come in time
        Object reply = replies.next();
        connection.setSoTimeout(IDLE_MILLIS);
        take(reply, whom);
      }
    } catch (IOException | RuntimeException e) {
      dropped(connection);
      synchronized (this) {
        if (closed || socket != null) {
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
      case "subscribe" -> confirmed("c:" + parts.get(1), whom);
      case "psubscribe" -> confirmed("p:" + parts.get(1), whom);
      default -> whom.poll(); // unsubscribe, punsubscribe, pong
    }
  }

  /** A command Redis refused (an ACL's NOPERM): a subscription waiting for it fails with Redis's message. */
  private void refused(@Nullable String key, String message) {
    LOG.warn("Redis refused a subscription: {}", message);
    CompletableFuture<Void> waiting = key == null ? null : unconfirmed.get(key);
    if (waiting != null) {
      waiting.completeExceptionally(new RedisException(message));
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

  /** Closes {@code connection}, and forgets it if it is the current one. */
  private void dropped(Socket connection) {
    synchronized (this) {
      if (socket == connection) {
        socket = null;
      }
    }
    quietlyClose(connection);
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
        if (closed || socket != null || subscriptions.isEmpty()) {
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

  private static void quietlyClose(@Nullable Socket socket) {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
