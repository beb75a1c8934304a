package io.brokkr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class RedisUrlTest {
  static String refused(String text) {
    return assertThrows(TypeConversionException.class, () -> RedisUrl.parse(text)).getMessage();
  }

  @Test
  void takesRedisAndRedissUrls() {
    assertEquals(new RedisUrl("redis://127.0.0.1:6379", false), RedisUrl.parse(" redis://127.0.0.1:6379 "));
    assertEquals(new RedisUrl("rediss://redis.internal:6380", true), RedisUrl.parse("rediss://redis.internal:6380"));
  }

  @Test
  void hidesThePasswordOfAUrlInMessages() {
    assertEquals("redis://smith:***@host:6379", RedisUrl.parse("redis://smith:s3cret@host:6379").shown());
    assertEquals("redis://host:6379", RedisUrl.parse("redis://host:6379").shown());
  }

  @Test
  void refusesWhatIsNotARedisUrl() {
    String hint = "; write redis://HOST:PORT, or rediss://HOST:PORT for TLS";
    assertEquals("\"http://host:80\" is not a Redis URL: it must start with redis:// or rediss://" + hint,
        refused("http://host:80"));
    assertEquals("\"redis://:6379\" is not a Redis URL: it names no host" + hint, refused("redis://:6379"));
    assertEquals("\"redis://host\" is not a Redis URL: it names no port" + hint, refused("redis://host"));
    assertEquals("\"redis://ho st:1\" is not a Redis URL (Illegal character in authority)" + hint, refused("redis://ho st:1"));
  }
}
