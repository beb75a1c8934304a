package io.brokkr.spring.boot.autoconfigure;

import io.brokkr.runtime.Worker;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The application of the tests: a service, a saga bean, a listener and a worker bean. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({Inventory.class, ReserveSaga.class, TransitionLog.class})
public class TestApplication {
  /** A worker bean: the step's first arg, upper-cased. */
  @Bean
  Worker shout() {
    return Worker.sync("Shout", step -> step.arg(0, String.class).toUpperCase(java.util.Locale.ROOT));
  }
}
