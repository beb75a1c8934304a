package io.brokkr.spring.boot.autoconfigure;

import io.brokkr.runtime.BrokkrBuilder;

/**
 * A bean that adjusts the node's builder after the {@code brokkr.*} properties were applied:
 * Jackson modules, an executor, a clock. Several are applied in their {@code @Order}.
 */
@FunctionalInterface
public interface BrokkrBuilderCustomizer {
  /**
   * Adjusts the builder.
   *
   * @param builder the node's builder, with the properties set
   */
  void customize(BrokkrBuilder builder);
}
