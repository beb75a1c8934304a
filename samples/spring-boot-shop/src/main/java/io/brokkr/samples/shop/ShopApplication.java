package io.brokkr.samples.shop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The shop. In memory: {@code mvn -pl samples/spring-boot-shop -am spring-boot:run}; on Redis, add
 * {@code -Dspring-boot.run.arguments=--brokkr.redis.url=redis://127.0.0.1:6379}. Then
 * {@code curl -X POST localhost:8080/orders -H 'Content-Type: application/json' -d '{"item":"hammer","quantity":1,"card":"4242"}'}.
 */
@SpringBootApplication
public class ShopApplication {
  /**
   * Starts the shop.
   *
   * @param args Spring Boot's arguments, e.g. {@code --brokkr.redis.url=redis://127.0.0.1:6379}
   */
  public static void main(String[] args) {
    SpringApplication.run(ShopApplication.class, args);
  }
}
