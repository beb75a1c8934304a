package io.brokkr.cli;

import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.StoreBackend;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;

/**
 * A backend whose stores never announce their node: the command's node reads the namespace
 * without showing up in {@code brokkr nodes} (or in any node's {@code liveNodes}) as if it were
 * a node that hosts work. Every other call goes to the store unchanged.
 */
final class Unannounced {
  private static final Set<String> SILENCED = Set.of("announce", "withdraw");

  private Unannounced() {}

  static StoreBackend of(StoreBackend backend) {
    return (namespace, clock) -> silent(backend.open(namespace, clock));
  }

  private static SagaStore silent(SagaStore store) {
    return (SagaStore) Proxy.newProxyInstance(SagaStore.class.getClassLoader(), new Class<?>[] {SagaStore.class},
        (proxy, method, args) -> SILENCED.contains(method.getName()) ? null : call(store, method, args));
  }

  private static Object call(SagaStore store, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(store, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
