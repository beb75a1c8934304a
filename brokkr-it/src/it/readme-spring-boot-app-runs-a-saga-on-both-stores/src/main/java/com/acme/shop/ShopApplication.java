package com.acme.shop;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.SagaOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class ShopApplication {
  private static final Logger LOG = LoggerFactory.getLogger(ShopApplication.class);

  public static void main(String[] args) {
    // Closing the context drains the node: the saga's steps end before the JVM does.
    System.exit(SpringApplication.exit(SpringApplication.run(ShopApplication.class, args)));
  }

  @Bean
  CommandLineRunner placeAnOrder(Brokkr brokkr) {
    return args -> {
      SagaOutcome outcome = OrderSagaLauncher.start(brokkr, "4242").outcome().join();
      LOG.info("Order saga {} ended {}", outcome.sagaId(), outcome.status());
    };
  }
}
