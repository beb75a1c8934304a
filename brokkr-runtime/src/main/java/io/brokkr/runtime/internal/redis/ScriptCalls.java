package io.brokkr.runtime.internal.redis;

import io.brokkr.runtime.RedisCallListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.redisson.Redisson;
import org.redisson.api.BatchOptions;
import org.redisson.api.BatchResult;
import org.redisson.api.FunctionMode;
import org.redisson.api.FunctionResult;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the scripts: the transitions as functions of the Functions library (FCALL) when it is loaded,
 * the other scripts, and the transitions otherwise, by SHA (EVALSHA). A server that lost its script
 * cache or its functions (a restart without persistence, a failover, SCRIPT or FUNCTION FLUSH)
 * answers NOSCRIPT or "Function not found": everything is loaded again and the call is made once
 * more, which is safe because a call so answered did not run; where Redis then refuses the library,
 * that call and every later one go as scripts. In durable mode a transition is sent
 * in a batch that ends with WAIT or WAITAOF, still one round trip.
 */
final class ScriptCalls {
  private static final Logger LOG = LoggerFactory.getLogger(ScriptCalls.class);

  private final RedissonClient client;
  private final FunctionCalls functionCalls;
  private final boolean directConnection;
  private final ScriptRegistry registry;
  private final Optional<DurableMode> durable;
  private final RedisCallListener listener;
  /**
   * Whether the transitions are called as functions: their library was loaded. Turns false for good
   * when loading it again was refused (an ACL changed while the node ran): the scripts serve then.
   */
  private volatile boolean functions;
  /** The stores open on these calls: the last one to close lets go of the calls' own connection. */
  private int stores;
  /** Finishes of several sagas in one call: on one Redis server (a Cluster's call names one slot), not durable. */
  private final Optional<FinishBatches> finishBatches;

  ScriptCalls(RedissonClient client, ScriptRegistry registry, Optional<DurableMode> durable, RedisCallListener listener,
      boolean functions, boolean directConnection, boolean batchFinishes) {
    this.client = client;
    this.functionCalls = FunctionCalls.of(client, directConnection);
    this.directConnection = directConnection;
    this.registry = registry;
    this.durable = durable;
    this.listener = listener;
    this.functions = functions;
    this.finishBatches = batchFinishes && durable.isEmpty() && !client.getConfig().isClusterConfig()
        ? Optional.of(new FinishBatches((k, a) -> functionCalls.call(registry.finishManyFunction(), k, a),
            (k, a) -> functionCalls.call(registry.function(Script.FINISH), k, a)))
        : Optional.empty();
  }

  /**
   * The subscriptions of a new view, whose events come on {@code channel}'s server: on a connection of
   * the view's own where the transitions have theirs ({@link RedisSubscriber}), otherwise through Redisson.
   */
  Topics topics(String channel) {
    if (directConnection && client instanceof Redisson redisson) {
      Optional<Topics> own = RedisSubscriber.of(redisson, channel);
      if (own.isPresent()) {
        return own.get();
      }
    }
    return new RedissonTopics(client);
  }

  /**
   * Whether the client subscribes to a sharded channel on the master of its slot, where a script's
   * {@code SPUBLISH} counts it: on one server or a Cluster. With Sentinel or replicas a subscription
   * may sit on a replica, which it does not count.
   */
  boolean subscribesOnMasters() {
    return client.getConfig().isSingleConfig() || client.getConfig().isClusterConfig();
  }

  /** A store opens on these calls. */
  synchronized void opened() {
    stores++;
  }

  /** A store opened on these calls closed; the last one closes the calls' own connection, if they have one. */
  synchronized void closed() {
    if (--stores == 0) {
      functionCalls.close();
    }
  }

  /** Who sees the requests and messages of this backend. */
  RedisCallListener listener() {
    return listener;
  }

  /** How transitions wait for replicas: the command, or {@code none}. */
  String durability() {
    return durable.map(DurableMode::description).orElse("none");
  }

  String sha(Script script) {
    return registry.sha(script);
  }

  /**
   * A transition: waits for the replicas in durable mode. It carries a new request id (as the key
   * where the script keeps its reply, in the saga's slot), so that a call Redisson re-sends after a
   * response timeout replays the first reply instead of applying the transition twice.
   */
  List<Object> transition(Script script, List<Object> keys, Object... args) {
    return transition(script, keys, List.of(), args);
  }

  /** A transition whose script is given {@code moreKeys} after the request id's key. */
  List<Object> transition(Script script, List<Object> keys, List<Object> moreKeys, Object... args) {
    List<Object> withRequest = new ArrayList<>(keys.size() + 1 + moreKeys.size());
    withRequest.addAll(keys);
    withRequest.add(RequestIds.keyInSlotOf(String.valueOf(keys.get(0))));
    withRequest.addAll(moreKeys);
    if (script == Script.FINISH && functions && finishBatches.isPresent()) {
      return call(script, s -> finishBatches.get().call(withRequest, args));
    }
    return durable.map(mode -> call(script, s -> durably(mode, s, withRequest, args)))
        .orElseGet(() -> plain(script, withRequest, args));
  }

  /** A call that needs no durability: a lease renewal, a read. */
  List<Object> plain(Script script, List<Object> keys, Object... args) {
    // Function or script is decided at each try: a reload may have turned the functions off.
    return call(script, s -> asFunction(s)
        ? functionCalls.call(registry.function(s), keys, args)
        : client.getScript(ScriptCodec.INSTANCE).evalSha(RScript.Mode.READ_WRITE, registry.sha(s),
            RScript.ReturnType.MULTI, keys, args));
  }

  /** Loads the scripts again, and the library if the transitions are functions and Redis still allows it. */
  private void reload() {
    functions = registry.load(client, functions, true);
  }

  private boolean asFunction(Script script) {
    return functions && script.usesLibrary();
  }

  /**
   * Runs a batch (one round trip) and returns the futures {@code fill} queued in it, now complete;
   * on NOSCRIPT the scripts are loaded again and the batch is filled and run once more.
   */
  <T> List<RFuture<T>> batch(String kind, Function<RBatch, List<RFuture<T>>> fill) {
    try {
      return timed(kind, () -> fillAndRun(fill));
    } catch (RedisException e) {
      if (!isNoScript(e)) {
        throw e;
      }
      reload();
      return timed(kind, () -> fillAndRun(fill));
    }
  }

  /**
   * Publishes {@code text} on {@code channel} without waiting for Redis's answer; the listener is told
   * of it as a {@code publish}. A failure is only logged: what it would have told, the sweeps find.
   */
  void publish(String channel, String text) {
    long start = System.nanoTime();
    client.getTopic(channel, StringCodec.INSTANCE).publishAsync(text).whenComplete((receivers, e) -> {
      listener.onCall("publish", Duration.ofNanos(System.nanoTime() - start));
      if (e != null) {
        LOG.debug("could not publish on " + channel + "; the sweeps will find what it told", e);
      }
    });
  }

  /** Runs one request, telling the listener its kind and how long it took. */
  <T> T timed(String kind, Supplier<T> request) {
    long start = System.nanoTime();
    try {
      return request.get();
    } finally {
      listener.onCall(kind, Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private <T> List<RFuture<T>> fillAndRun(Function<RBatch, List<RFuture<T>>> fill) {
    RBatch batch = client.createBatch(BatchOptions.defaults());
    List<RFuture<T>> futures = fill.apply(batch);
    batch.execute();
    return futures;
  }

  private List<Object> call(Script script, Function<Script, List<Object>> once) {
    String kind = script.name().toLowerCase(Locale.ROOT);
    try {
      return timed(kind, () -> once.apply(script));
    } catch (RedisException e) {
      if (!isNoScript(e)) {
        throw e;
      }
      LOG.info("Redis lost the Brokkr scripts (" + e.getMessage() + "); loading them again");
      reload();
      return timed(kind, () -> once.apply(script));
    }
  }

  private List<Object> durably(DurableMode mode, Script script, List<Object> keys, Object[] args) {
    RBatch batch = client.createBatch(mode.options());
    RFuture<List<Object>> reply = asFunction(script)
        ? batch.getFunction(ScriptCodec.INSTANCE)
            .callAsync(FunctionMode.WRITE, registry.function(script), FunctionResult.LIST, keys, args)
        : batch.getScript(ScriptCodec.INSTANCE)
            .evalShaAsync(RScript.Mode.READ_WRITE, registry.sha(script), RScript.ReturnType.MULTI, keys, args);
    BatchResult<?> result = batch.execute();
    if (result.getSyncedSlaves() < mode.replicas()) {
      LOG.warn("a Brokkr transition (" + script + ") was acknowledged by " + result.getSyncedSlaves()
          + " of " + mode.replicas() + " replicas within " + mode.description()
          + "; it stands, but a failover before it replicates would lose it");
    }
    return reply.toCompletableFuture().join();
  }

  /** Whether Redis answered that it does not have the script or the function called. */
  static boolean isNoScript(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage() == null ? "" : t.getMessage().toUpperCase(Locale.ROOT);
      if (message.contains("NOSCRIPT") || message.contains("FUNCTION NOT FOUND")) {
        return true;
      }
    }
    return false;
  }
}
