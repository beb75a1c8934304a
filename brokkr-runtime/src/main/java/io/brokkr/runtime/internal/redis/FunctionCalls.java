package io.brokkr.runtime.internal.redis;

import java.util.List;
import org.redisson.Redisson;
import org.redisson.api.FunctionMode;
import org.redisson.api.FunctionResult;
import org.redisson.api.RedissonClient;

/**
 * FCALLs of the library's functions (writes), their replies as lists. On Redisson's own client
 * configured for one server or a Cluster they go on connections of their own ({@link DirectFunctionCalls})
 * unless told not to, otherwise straight to its command executor ({@link ExecutorFunctionCalls}); a client
 * that is not Redisson's implementation (a proxy, a wrapper) is called through {@code RFunction}.
 */
interface FunctionCalls extends AutoCloseable {
  /** Calls {@code function} with {@code keys} and {@code args}; its reply as a list. */
  List<Object> call(String function, List<Object> keys, Object[] args);

  /** Lets go of what the calls hold of their own (a connection); a later call takes it again. */
  @Override
  default void close() {}

  /** The calls for {@code client}: on its command executor when it is Redisson's own. */
  static FunctionCalls of(RedissonClient client) {
    return of(client, false);
  }

  /**
   * The calls for {@code client}; {@code direct}: on a connection of their own where
   * {@link DirectFunctionCalls} can serve the client's configuration.
   */
  static FunctionCalls of(RedissonClient client, boolean direct) {
    if (client instanceof Redisson redisson) {
      FunctionCalls executor = new ExecutorFunctionCalls(redisson.getCommandExecutor());
      return direct ? DirectFunctionCalls.of(redisson, executor).orElse(executor) : executor;
    }
    return (function, keys, args) -> client.getFunction(ScriptCodec.INSTANCE)
        .call(FunctionMode.WRITE, function, FunctionResult.LIST, keys, args);
  }
}
