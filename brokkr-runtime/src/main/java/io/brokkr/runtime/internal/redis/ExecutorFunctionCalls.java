package io.brokkr.runtime.internal.redis;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.redisson.api.FunctionResult;
import org.redisson.api.NameMapper;
import org.redisson.client.protocol.RedisCommand;
import org.redisson.command.CommandAsyncExecutor;

/**
 * FCALLs made here, on Redisson's command executor. Redisson's {@code RFunction} checks each argument
 * for a Redisson object to store as a reference and grows its list of arguments one at a time:
 * about a twentieth of a node's CPU on Redis (JFR, hammer at full speed). Here each argument goes as
 * the bytes {@link ScriptCodec} would make of it, in an array made at its size, on the same command
 * executor, so routing, retries and the reply's decoding are Redisson's as before; the keys go
 * through the client's {@link NameMapper}, as {@code RFunction} maps them.
 */
final class ExecutorFunctionCalls implements FunctionCalls {
  @SuppressWarnings("unchecked")
  private static final RedisCommand<Object> FCALL = (RedisCommand<Object>) FunctionResult.LIST.getCommand();

  private final CommandAsyncExecutor executor;
  private final NameMapper names;

  ExecutorFunctionCalls(CommandAsyncExecutor executor) {
    this.executor = executor;
    this.names = executor.getServiceManager().getConfig().getNameMapper();
  }

  @Override
  public List<Object> call(String function, List<Object> keys, Object[] args) {
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
