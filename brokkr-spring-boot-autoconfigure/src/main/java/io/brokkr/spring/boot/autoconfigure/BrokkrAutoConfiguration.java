package io.brokkr.spring.boot.autoconfigure;

import io.brokkr.dashboard.DashboardHandler;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.BrokkrBuilder;
import io.brokkr.micrometer.BrokkrMetrics;
import io.brokkr.opentelemetry.BrokkrTracing;
import io.brokkr.runtime.SagaListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Objects;
import java.util.UUID;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * A Brokkr node for the application: on Redis when the context has a {@link RedissonClient} (the
 * application's, or one made from {@code brokkr.redis.url}), else on the in-memory store with a
 * warning; or the application's own {@code Brokkr} bean, which replaces it. Its {@code @Saga} and
 * {@code Worker} beans are registered, and its {@code SagaListener} beans attached to the node made
 * here; the node starts its work once the context is ready and drains on shutdown; the health
 * indicator and the actuator endpoint {@code brokkr} describe it when the actuator is present; with
 * {@code brokkr-dashboard}, the dashboard is served at {@code /brokkr}.
 */
@AutoConfiguration(afterName = {"org.redisson.spring.starter.RedissonAutoConfiguration",
    "org.redisson.spring.starter.RedissonAutoConfigurationV2"})
@ConditionalOnClass(Brokkr.class)
@EnableConfigurationProperties(BrokkrProperties.class)
public class BrokkrAutoConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(BrokkrAutoConfiguration.class);

  /** Made by Spring. */
  public BrokkrAutoConfiguration() {}

  /** A Redisson client of {@code brokkr.redis.url}, when the context has none of its own. */
  @Bean(destroyMethod = "shutdown")
  @ConditionalOnMissingBean(RedissonClient.class)
  @ConditionalOnProperty("brokkr.redis.url")
  RedissonClient brokkrRedissonClient(BrokkrProperties properties) {
    Config config = new Config();
    int connections = properties.getRedis().getConnectionPoolSize();
    config.useSingleServer().setAddress(Objects.requireNonNull(properties.getRedis().getUrl(), "brokkr.redis.url"))
        .setConnectionPoolSize(connections).setConnectionMinimumIdleSize(connections);
    return Redisson.create(config);
  }

  /** What the health indicator and the endpoint say of the node: the application's own, or the one made here. */
  @Bean
  NodeIdentity brokkrNodeIdentity(Brokkr brokkr, ObjectProvider<RedissonClient> redisson) {
    return new NodeIdentity(brokkr.nodeId(), redisson.getIfAvailable() == null ? "in-memory" : "redis");
  }

  /**
   * The application's node, built from the properties, its listeners and customizers, unless the
   * application defines a {@code Brokkr} bean of its own. Closed by {@code brokkrLifecycle} when
   * the context stops; closing it twice is harmless.
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(Brokkr.class)
  Brokkr brokkr(BrokkrProperties properties, ObjectProvider<RedissonClient> redisson,
      ObjectProvider<SagaListener> listeners, ObjectProvider<BrokkrBuilderCustomizer> customizers) {
    return build(properties, redisson, listeners, customizers);
  }

  /** Registers the saga and worker beans on the node (the application's or this one), resumes, drains. */
  @Bean
  BrokkrLifecycle brokkrLifecycle(Brokkr brokkr, ApplicationContext context, BrokkrProperties properties) {
    return new BrokkrLifecycle(brokkr, context, properties.isRestoreOnStart());
  }

  private static Brokkr build(BrokkrProperties properties, ObjectProvider<RedissonClient> redisson,
      ObjectProvider<SagaListener> listeners, ObjectProvider<BrokkrBuilderCustomizer> customizers) {
    String nodeId = properties.getNodeId() == null || properties.getNodeId().isBlank()
        ? UUID.randomUUID().toString() : properties.getNodeId();
    BrokkrBuilder builder = Brokkr.builder()
        .namespace(properties.getNamespace())
        .nodeId(nodeId)
        .concurrency(properties.getConcurrency())
        .leaseDuration(properties.getLeaseDuration())
        .drainTimeout(properties.getDrainTimeout())
        .defaultRetryPolicy(properties.getDefaultRetry().toPolicy());
    listeners.orderedStream().forEach(builder::listener);
    customizers.orderedStream().forEach(c -> c.customize(builder));
    RedissonClient client = redisson.getIfAvailable();
    if (client != null) {
      LOG.info("Brokkr node {} runs on Redis, namespace {}", nodeId, properties.getNamespace());
      return builder.redis(client, properties.getRedis().toOptions());
    }
    LOG.warn("Brokkr node {} runs on the in-memory store: it keeps nothing across restarts and shares nothing with "
        + "other instances. Set brokkr.redis.url, or define a RedissonClient bean, to run on Redis.", nodeId);
    return builder.inMemory();
  }

  /**
   * The node's metrics on the context's {@link MeterRegistry} (Boot's composite one when it has
   * several), when {@code brokkr-micrometer} is on the class path.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({BrokkrMetrics.class, MeterRegistry.class})
  static class Metrics {
    @Bean
    BrokkrBuilderCustomizer brokkrMetrics(ObjectProvider<MeterRegistry> registry) {
      return builder -> registry.ifUnique(r -> builder.instrumentation(BrokkrMetrics.of(r)));
    }
  }

  /** The node's traces on the context's {@link OpenTelemetry}, when {@code brokkr-opentelemetry} is on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({BrokkrTracing.class, OpenTelemetry.class})
  static class Tracing {
    @Bean
    BrokkrBuilderCustomizer brokkrTracing(ObjectProvider<OpenTelemetry> openTelemetry) {
      return builder -> openTelemetry.ifUnique(o -> builder.instrumentation(BrokkrTracing.of(o)));
    }
  }

  /** The {@code brokkr} health indicator, with Spring Boot's health support. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HealthIndicator.class)
  @ConditionalOnEnabledHealthIndicator("brokkr")
  static class Health {
    @Bean
    @ConditionalOnMissingBean(name = "brokkrHealthIndicator")
    BrokkrHealthIndicator brokkrHealthIndicator(Brokkr brokkr, NodeIdentity identity) {
      return new BrokkrHealthIndicator(brokkr, identity);
    }
  }

  /** The {@code brokkr} actuator endpoint, with the actuator. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(Endpoint.class)
  static class Actuator {
    @Bean
    @ConditionalOnMissingBean
    BrokkrEndpoint brokkrEndpoint(Brokkr brokkr, NodeIdentity identity) {
      return new BrokkrEndpoint(brokkr, identity);
    }
  }

  /**
   * The dashboard at {@code /brokkr} on the application's own server, when {@code brokkr-dashboard}
   * is on the class path of a servlet web application. With Spring Security on the class path it
   * needs an authenticated user, and its page sends Spring Security's CSRF token with its actions.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = {"io.brokkr.dashboard.DashboardHandler", "jakarta.servlet.http.HttpServlet"})
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnProperty(name = "brokkr.dashboard.enabled", havingValue = "true", matchIfMissing = true)
  static class Dashboard {
    /** Where the dashboard is served on the application's server. */
    static final String PATH = "/brokkr";

    @Bean
    DashboardLifecycle brokkrDashboard(Brokkr brokkr, BrokkrProperties properties) {
      return new DashboardLifecycle(DashboardHandler.of(brokkr, properties.getDashboard().isActionsEnabled()));
    }

    @Bean
    ServletRegistrationBean<DashboardServlet> brokkrDashboardServlet(DashboardLifecycle dashboard,
        ApplicationContext context) {
      boolean security = ClassUtils.isPresent("org.springframework.security.core.Authentication", context.getClassLoader());
      boolean securityCsrf = ClassUtils.isPresent("org.springframework.security.web.csrf.CsrfToken", context.getClassLoader());
      ServletRegistrationBean<DashboardServlet> registration = new ServletRegistrationBean<>(
          new DashboardServlet(dashboard.handler(), security, securityCsrf), PATH + "/*");
      registration.setName("brokkrDashboard");
      return registration;
    }
  }
}
