package io.brokkr.test;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test that declares a {@link TestBrokkr} parameter (in the test method or its
 * {@code @BeforeEach} methods) a fresh one, its own store and its clock at {@link TestBrokkr#START},
 * and closes it after the test.
 *
 * <pre>{@code
 * @ExtendWith(BrokkrExtension.class)
 * class OrderSagaTest {
 *   @Test
 *   void refundsWhenShippingFails(TestBrokkr brokkr) { ... }
 * }
 * }</pre>
 */
public final class BrokkrExtension implements ParameterResolver, AfterEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrokkrExtension.class);

  /** Made by JUnit from {@code @ExtendWith(BrokkrExtension.class)}. */
  public BrokkrExtension() {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestBrokkr.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // One per test: a @BeforeEach method and the test that declare it get the same node.
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    TestBrokkr brokkr = store.get(context.getUniqueId(), TestBrokkr.class);
    if (brokkr == null) {
      brokkr = TestBrokkr.create();
      store.put(context.getUniqueId(), brokkr);
    }
    return brokkr;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TestBrokkr brokkr = context.getStore(NAMESPACE).remove(context.getUniqueId(), TestBrokkr.class);
    if (brokkr != null) {
      brokkr.close();
    }
  }
}
