package io.brokkr.runtime.internal.redis;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.redisson.Redisson;
import org.redisson.api.NameMapper;
import org.redisson.client.DefaultCredentialsResolver;
import org.redisson.client.RedisClient;
import org.redisson.client.RedisClientConfig;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisException;
import org.redisson.client.RedisTimeoutException;
import org.redisson.config.BaseConfig;
import org.redisson.config.Config;
import org.redisson.config.DefaultCommandMapper;
import org.redisson.config.DelayStrategy;
import org.redisson.connection.ConnectionManager;
import org.redisson.connection.MasterSlaveEntry;
import org.redisson.misc.RedisURI;

/**
 * FCALLs on {@link RedisPipe}s of their own, one for each master that a Redisson client sends a
 * call's first key to (one server, or the master of the key's slot in a Cluster, as Redisson's view
 * of the topology has it at each call), with that client's credentials, database, name mapper,
 * timeout and re-sends: a call whose reply does not come within the timeout, or whose connection
 * breaks, is sent again on a new connection after the retry delay, as Redisson re-sends it (the
 * transitions' request ids make a re-sent transition answer its first reply). A call a Cluster node
 * redirects (MOVED, ASK, TRYAGAIN, CLUSTERDOWN) or that reached a replica (READONLY) did not run: it
 * goes through Redisson, which follows the redirection and learns the new topology. A master over
 * TLS or a Unix socket is left to Redisson, and so is Sentinel, a credentials resolver and a command
 * mapper ({@link #eligible}).
 */
final class DirectFunctionCalls implements FunctionCalls {
  /** The server a key's call goes to: its address and how to log in, as Redisson connects to it. */
  record Server(InetSocketAddress address, Optional<String> username, Optional<String> password, int database,
      Optional<String> clientName) {}

  /** Where a key lives: the server its calls go to, or empty when Redisson must carry them. */
  interface Servers {
    Optional<Server> of(String key);
  }

  /** How calls wait and are sent again, and how keys are named: the client's settings. */
  record Policy(int connectTimeoutMillis, int timeoutMillis, int retryAttempts, DelayStrategy retryDelay,
      NameMapper names) {}

  private static final List<String> REDIRECTED = List.of("MOVED ", "ASK ", "TRYAGAIN", "CLUSTERDOWN", "READONLY");

  private final Servers servers;
  private final Policy policy;
  private final FunctionCalls redirected;
  private final Map<Server, RedisPipe> pipes = new ConcurrentHashMap<>();

  DirectFunctionCalls(Servers servers, Policy policy, FunctionCalls redirected) {
    this.servers = servers;
    this.policy = policy;
    this.redirected = redirected;
  }

  /** Where a client's connections of the backend's own go, and how they wait: one server or a Cluster's masters. */
  record Route(Servers servers, Policy policy) {}

  /** The calls for {@code redisson} when its configuration allows them. */
  static Optional<FunctionCalls> of(Redisson redisson, FunctionCalls redirected) {
    return route(redisson).map(route -> new DirectFunctionCalls(route.servers(), route.policy(), redirected));
  }

  /** The route of {@code redisson}'s own connections when its configuration allows them ({@link #eligible}). */
  static Optional<Route> route(Redisson redisson) {
    var manager = redisson.getCommandExecutor().getServiceManager();
    BaseConfig<?> config = manager.getConfig();
    if (!eligible(manager.getCfg(), config)) {
      return Optional.empty();
    }
    ConnectionManager connections = redisson.getCommandExecutor().getConnectionManager();
    // Read once a master: a call asks for its key's master at every try, and a master's settings do not change.
    Map<RedisClient, Optional<Server>> known = new ConcurrentHashMap<>();
    Servers masters = key -> {
      MasterSlaveEntry entry = connections.getEntry(key);
      RedisClient master = entry == null ? null : entry.getClient();
      return master == null ? Optional.empty()
          : known.computeIfAbsent(master, client -> server(client.getConfig(), client.getAddr()));
    };
    Policy policy = new Policy(config.getConnectTimeout(), config.getTimeout(), config.getRetryAttempts(),
        config.getRetryDelay(), config.getNameMapper());
    return Optional.of(new Route(masters, policy));
  }

  /**
   * Whether a client so configured can be served: one server or a Cluster, whose credentials and
   * command names are the configuration's own.
   */
  static boolean eligible(Config client, BaseConfig<?> config) {
    return (client.isSingleConfig() || client.isClusterConfig())
        && config.getCredentialsResolver().getClass() == DefaultCredentialsResolver.class
        && config.getCommandMapper().getClass() == DefaultCommandMapper.class;
  }

  /**
   * The server a Redisson client so configured connects to ({@code resolved}: its address once
   * resolved, if it is); empty over TLS or a Unix socket.
   */
  static Optional<Server> server(RedisClientConfig config, @Nullable InetSocketAddress resolved) {
    RedisURI uri = config.getAddress();
    if (uri.isSsl() || uri.isUDS() || !uri.getScheme().toLowerCase(Locale.ROOT).equals("redis")) {
      return Optional.empty();
    }
    InetSocketAddress address = resolved != null ? resolved : new InetSocketAddress(uri.getHost(), uri.getPort());
    Optional<String> username = Optional.ofNullable(config.getUsername()).or(() -> Optional.ofNullable(uri.getUsername()));
    Optional<String> password = Optional.ofNullable(config.getPassword()).or(() -> Optional.ofNullable(uri.getPassword()));
    return Optional.of(new Server(address, username, password, config.getDatabase(),
        Optional.ofNullable(config.getClientName())));
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Object> call(String function, List<Object> keys, Object[] args) {
    String[] mapped = new String[keys.size()];
    for (int i = 0; i < mapped.length; i++) {
      mapped[i] = policy.names().map(String.valueOf(keys.get(i)));
    }
    byte[] command = RespCommand.fcall(function, mapped, args);
    RedisException failure = new RedisException("no try of " + function + " was made");
    for (int attempt = 0; attempt <= policy.retryAttempts(); attempt++) {
      if (attempt > 0) {
        pause(policy.retryDelay().calcDelay(attempt - 1).toMillis());
      }
      // Asked at every try: Redisson follows failovers and slot moves.
      Optional<Server> server = mapped.length == 0 ? Optional.empty() : servers.of(mapped[0]);
      if (server.isEmpty()) {
        return redirected.call(function, keys, args);
      }
      RedisPipe on;
      try {
        on = pipe(server.get());
      } catch (IOException e) {
        failure = new RedisConnectionException("cannot connect to Redis at " + server.get().address() + ": "
            + e.getMessage(), e);
        continue;
      }
      RedisPipe.Call call = on.send(command);
      if (!call.await(TimeUnit.MILLISECONDS.toNanos(policy.timeoutMillis()))) {
        if (Thread.currentThread().isInterrupted()) {
          throw new RedisException("interrupted while waiting for Redis to answer " + function);
        }
        // The connection may be dead without having said so: the next try takes a new one.
        on.close();
        failure = new RedisTimeoutException("Redis at " + server.get().address() + " did not answer " + function
            + " within " + policy.timeoutMillis() + " ms, " + (attempt + 1) + " tries");
      } else if (call.lost()) {
        failure = new RedisConnectionException("the connection to Redis at " + server.get().address()
            + " closed before it answered " + function + ", " + (attempt + 1) + " tries");
      } else if (call.reply() instanceof RespReader.Error error) {
        if (REDIRECTED.stream().anyMatch(error.message()::startsWith)) {
          return redirected.call(function, keys, args);
        }
        if (!error.message().startsWith("LOADING")) {
          throw new RedisException(error.message());
        }
        failure = new RedisException(error.message()); // a server loading its data after a restart
      } else if (call.reply() instanceof List<?> list) {
        return (List<Object>) list;
      } else {
        List<Object> single = new ArrayList<>(1);
        single.add(call.reply());
        return single;
      }
    }
    throw failure;
  }

  /** Closes the connections; a later call opens them again. */
  @Override
  public synchronized void close() {
    pipes.values().forEach(RedisPipe::close);
    pipes.clear();
  }

  private RedisPipe pipe(Server server) throws IOException {
    RedisPipe pipe = pipes.get(server);
    if (pipe != null && pipe.isOpen()) {
      return pipe;
    }
    synchronized (this) {
      pipe = pipes.get(server);
      if (pipe == null || !pipe.isOpen()) {
        pipe = RedisPipe.open(server.address(), policy.connectTimeoutMillis(), policy.timeoutMillis(), handshake(server));
        pipes.put(server, pipe);
      }
      return pipe;
    }
  }

  /** What a new connection to {@code server} sends first: AUTH, SELECT and CLIENT SETNAME as the client does. */
  static byte[][] handshake(Server server) {
    List<byte[]> commands = new ArrayList<>();
    server.password().ifPresent(password -> commands.add(server.username()
        .map(user -> RespCommand.of("AUTH", user, password))
        .orElseGet(() -> RespCommand.of("AUTH", password))));
    if (server.database() != 0) {
      commands.add(RespCommand.of("SELECT", Integer.toString(server.database())));
    }
    server.clientName().ifPresent(name -> commands.add(RespCommand.of("CLIENT", "SETNAME", name)));
    return commands.toArray(byte[][]::new);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RedisException("interrupted while waiting to send a call to Redis again");
    }
  }
}
