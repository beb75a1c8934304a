package io.brokkr.runtime.internal.redis;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.redisson.Redisson;
import org.redisson.api.FunctionMode;
import org.redisson.api.FunctionResult;
import org.redisson.api.NameMapper;
import org.redisson.api.RedissonClient;
import org.redisson.client.protocol.RedisCommand;
import org.redisson.command.CommandAsyncExecutor;

/**
 * FCALLs of the library's functions, the command made here. Redisson's {@code RFunction} checks each
 * argument for a Redisson object to store as a reference and grows its list of arguments one at a
 * time: about a twentieth of a node's CPU on Redis (JFR, hammer at full speed). Here each argument
 * goes as the bytes {@link ScriptCodec} would make of it, in an array made at its size, on the same
 * command executor, so routing, retries and the reply's decoding are Redisson's as before; the keys
 * go through the client's {@link NameMapper}, as {@code RFunction} maps them. A client that is not
 * Redisson's own implementation is called through {@code RFunction}.
 */
final class FunctionCalls {
  @SuppressWarnings("unchecked")
  private static final RedisCommand<Object> FCALL = (RedisCommand<Object>) FunctionResult.LIST.getCommand();

  private final RedissonClient client;
  private final CommandAsyncExecutor executor;
  private final NameMapper names;

  FunctionCalls(RedissonClient client) {
    this.client = client;
    this.executor = client instanceof Redisson redisson ? redisson.getCommandExecutor() : null;
    this.names = executor == null ? null : executor.getServiceManager().getConfig().getNameMapper();
  }

  /** Calls {@code function} (a write) with {@code keys} and {@code args}; its reply as a list. */
  List<Object> call(String function, List<Object> keys, Object[] args) {
    if (executor == null) {
      return client.getFunction(ScriptCodec.INSTANCE).call(FunctionMode.WRITE, function, FunctionResult.LIST, keys, args);
    }
    Object[] command = new Object[2 + keys.size() + args.length];
    command[0] = function;
    command[1] = bytes(keys.size());
    String route = null; // the first key's slot, as RFunction routes it
    for (int i = 0; i < keys.size(); i++) {
      String key = names.map(String.valueOf(keys.get(i)));
      if (i == 0) {
        route = key;
      }
      command[2 + i] = bytes(key);
    }
    for (int i = 0; i < args.length; i++) {
      command[2 + keys.size() + i] = bytes(args[i]);
    }
    return executor.get(executor.<Object, List<Object>>writeAsync(route, ScriptCodec.INSTANCE, FCALL, command));
  }

  private static byte[] bytes(Object value) {
    return value.toString().getBytes(StandardCharsets.UTF_8);
  }
}
