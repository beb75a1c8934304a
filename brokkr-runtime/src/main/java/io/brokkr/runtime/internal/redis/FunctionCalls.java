package io.brokkr.runtime.internal.redis;

import java.util.List;
import org.redisson.Redisson;
import org.redisson.api.FunctionMode;
import org.redisson.api.FunctionResult;
import org.redisson.api.RedissonClient;

/**
 * FCALLs of the library's functions (writes), their replies as lists. On Redisson's own client
 * they go straight to its command executor ({@link ExecutorFunctionCalls}); a client that is not
 * Redisson's implementation (a proxy, a wrapper) is called through {@code RFunction}.
 */
interface FunctionCalls {
  /** Calls {@code function} with {@code keys} and {@code args}; its reply as a list. */
  List<Object> call(String function, List<Object> keys, Object[] args);

  /** The calls for {@code client}: on its command executor when it is Redisson's own. */
  static FunctionCalls of(RedissonClient client) {
    if (client instanceof Redisson redisson) {
      return new ExecutorFunctionCalls(redisson.getCommandExecutor());
    }
    return (function, keys, args) -> client.getFunction(ScriptCodec.INSTANCE)
        .call(FunctionMode.WRITE, function, FunctionResult.LIST, keys, args);
  }
}
