package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.brokkr.runtime.redis.testing.RedisExtension;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.Redisson;
import org.redisson.api.NameMapper;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/** FCALLs made by {@link FunctionCalls}: the keys and arguments reach the function as RFunction sends them. */
class FunctionCallsTest {
  @RegisterExtension
  static final RedisExtension REDIS = RedisExtension.server();

  /** A function that answers its keys and arguments as text; Redisson's load puts the library's header in front. */
  static final String ECHO_LIBRARY = """
      redis.register_function('echo', function(keys, args)
        local all = {}
        for _, key in ipairs(keys) do all[#all + 1] = 'key ' .. key end
        for _, arg in ipairs(args) do all[#all + 1] = 'arg ' .. arg end
        return all
      end)
      """;
  private static final List<Object> KEYS = List.of("{fc:1}:a", "{fc:1}:b");
  private static final Object[] ARGS = {"text", 42L, "", "ünïcødé \n\"quoted\""};
  /** What the function answers to KEYS and ARGS. */
  private static final List<Object> ECHOED =
      List.of("key {fc:1}:a", "key {fc:1}:b", "arg text", "arg 42", "arg ", "arg ünïcødé \n\"quoted\"");

  @BeforeAll
  static void loadLibrary() {
    REDIS.client().getFunction(StringCodec.INSTANCE).loadAndReplace("function_calls_test", ECHO_LIBRARY);
  }

  @Test
  void aFunctionGetsItsKeysAndArgumentsAsText() {
    FunctionCalls calls = FunctionCalls.of(REDIS.client());

    assertInstanceOf(ExecutorFunctionCalls.class, calls, "Redisson's own client: its command executor");
    assertEquals(ECHOED, calls.call("echo", KEYS, ARGS));
  }

  @Test
  void theKeysGoThroughTheClientsNameMapperAndTheArgumentsDoNot() {
    Config config = new Config();
    config.useSingleServer().setAddress(REDIS.redisServer().uri()).setConnectionMinimumIdleSize(1)
        .setConnectionPoolSize(1).setSubscriptionConnectionMinimumIdleSize(0)
        .setNameMapper(new Prefix());
    RedissonClient mapped = Redisson.create(config);
    try {
      assertEquals(List.of("key app-{fc:1}:a", "key app-{fc:1}:b", "arg text", "arg 42", "arg ",
          "arg ünïcødé \n\"quoted\""), FunctionCalls.of(mapped).call("echo", KEYS, ARGS));
    } finally {
      mapped.shutdown();
    }
  }

  @Test
  void aClientThatIsNotRedissonsOwnIsCalledThroughItsFunctionObject() {
    RedissonClient wrapped = (RedissonClient) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {RedissonClient.class}, (proxy, method, args) -> {
          try {
            return method.invoke(REDIS.client(), args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    FunctionCalls calls = FunctionCalls.of(wrapped);

    assertFalse(calls instanceof ExecutorFunctionCalls, "a proxy has no command executor to reach");
    assertEquals(ECHOED, calls.call("echo", KEYS, ARGS));
  }

  /** Puts "app-" in front of every name. */
  private static final class Prefix implements NameMapper {
    @Override
    public String map(String name) {
      return "app-" + name;
    }

    @Override
    public String unmap(String name) {
      return name.substring("app-".length());
    }
  }
}
