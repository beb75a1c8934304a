package io.brokkr.runtime.internal.redis;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.redisson.Redisson;
import org.redisson.api.NameMapper;
import org.redisson.client.DefaultCredentialsResolver;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisException;
import org.redisson.client.RedisTimeoutException;
import org.redisson.config.Config;
import org.redisson.config.DefaultCommandMapper;
import org.redisson.config.DelayStrategy;
import org.redisson.config.MasterSlaveServersConfig;

/**
 * FCALLs on a {@link RedisPipe} of their own, to the one Redis server a Redisson client is configured
 * for, with that client's address, user, password, database, name mapper, timeout and re-sends: a
 * call whose reply does not come within the timeout, or whose connection breaks, is sent again on a
 * new connection after the retry delay, as Redisson re-sends it (the transitions' request ids make a
 * re-sent transition answer its first reply). Serves a single server reached over plain TCP whose
 * credentials and command names are the configuration's own; anything else (a Cluster, Sentinel,
 * TLS, a credentials resolver, renamed commands) stays with Redisson ({@link #serves}).
 */
final class DirectFunctionCalls implements FunctionCalls {
  private final Settings settings;
  private @Nullable RedisPipe pipe;

  /** What the calls take from the client's configuration. */
  record Settings(InetSocketAddress address, Optional<String> username, Optional<String> password, int database,
      Optional<String> clientName, int connectTimeoutMillis, int timeoutMillis, int retryAttempts,
      DelayStrategy retryDelay, NameMapper names) {}

  DirectFunctionCalls(Settings settings) {
    this.settings = settings;
  }

  /** The settings of {@code redisson}'s single server, when the calls can serve it. */
  static Optional<Settings> serves(Redisson redisson) {
    var manager = redisson.getCommandExecutor().getServiceManager();
    return serves(manager.getCfg(), manager.getConfig());
  }

  /** The settings of one server, when {@code client} is a single server's configuration that the calls can serve. */
  static Optional<Settings> serves(Config client, MasterSlaveServersConfig config) {
    if (!client.isSingleConfig()) {
      return Optional.empty();
    }
    URI address = URI.create(config.getMasterAddress());
    if (!"redis".equals(address.getScheme().toLowerCase(Locale.ROOT))
        || config.getCredentialsResolver().getClass() != DefaultCredentialsResolver.class
        || config.getCommandMapper().getClass() != DefaultCommandMapper.class) {
      return Optional.empty();
    }
    return Optional.of(new Settings(new InetSocketAddress(address.getHost(), address.getPort() < 0 ? 6379 : address.getPort()),
        Optional.ofNullable(config.getUsername()), Optional.ofNullable(config.getPassword()), config.getDatabase(),
        Optional.ofNullable(config.getClientName()), config.getConnectTimeout(), config.getTimeout(),
        config.getRetryAttempts(), config.getRetryDelay(), config.getNameMapper()));
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Object> call(String function, List<Object> keys, Object[] args) {
    String[] mapped = new String[keys.size()];
    for (int i = 0; i < mapped.length; i++) {
      mapped[i] = settings.names().map(String.valueOf(keys.get(i)));
    }
    byte[] command = RespCommand.fcall(function, mapped, args);
    RedisException failure = null;
    for (int attempt = 0; attempt <= settings.retryAttempts(); attempt++) {
      if (attempt > 0) {
        pause(settings.retryDelay().calcDelay(attempt - 1).toMillis());
      }
      RedisPipe on;
      try {
        on = pipe();
      } catch (IOException e) {
        failure = new RedisConnectionException("cannot connect to Redis at " + settings.address() + ": " + e.getMessage(), e);
        continue;
      }
      RedisPipe.Call call = on.send(command);
      if (!call.await(TimeUnit.MILLISECONDS.toNanos(settings.timeoutMillis()))) {
        if (Thread.currentThread().isInterrupted()) {
          throw new RedisException("interrupted while waiting for Redis to answer " + function);
        }
        // The connection may be dead without having said so: the next try takes a new one.
        on.close();
        failure = new RedisTimeoutException("Redis at " + settings.address() + " did not answer " + function
            + " within " + settings.timeoutMillis() + " ms, " + (attempt + 1) + " tries");
      } else if (call.lost()) {
        failure = new RedisConnectionException("the connection to Redis at " + settings.address()
            + " closed before it answered " + function + ", " + (attempt + 1) + " tries");
      } else if (call.reply() instanceof RespReader.Error error) {
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

  /** Closes the connection; a later call opens another. */
  @Override
  public synchronized void close() {
    if (pipe != null) {
      pipe.close();
      pipe = null;
    }
  }

  private synchronized RedisPipe pipe() throws IOException {
    if (pipe == null || !pipe.isOpen()) {
      pipe = RedisPipe.open(settings.address(), settings.connectTimeoutMillis(), settings.timeoutMillis(), handshake());
    }
    return pipe;
  }

  private byte[][] handshake() {
    List<byte[]> commands = new ArrayList<>();
    settings.password().ifPresent(password -> commands.add(settings.username()
        .map(user -> RespCommand.of("AUTH", user, password))
        .orElseGet(() -> RespCommand.of("AUTH", password))));
    if (settings.database() != 0) {
      commands.add(RespCommand.of("SELECT", Integer.toString(settings.database())));
    }
    settings.clientName().ifPresent(name -> commands.add(RespCommand.of("CLIENT", "SETNAME", name)));
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
