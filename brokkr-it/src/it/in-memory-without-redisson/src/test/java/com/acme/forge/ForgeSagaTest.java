package com.acme.forge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brokkr.runtime.Brokkr;
import org.junit.jupiter.api.Test;

/** A saga runs in memory with no Redisson class on the class path. */
class ForgeSagaTest {
  @Test
  void runsInMemoryWithoutRedisson() throws Exception {
    assertThrows(ClassNotFoundException.class, () -> Class.forName("org.redisson.api.RedissonClient"));
    try (Brokkr brokkr = Brokkr.inMemory()) {
      ForgeSagaLauncher.register(brokkr, new ForgeSaga());
      assertEquals("a hammer of iron from bog ore", ForgeSagaLauncher.start(brokkr, "bog ore").result().join());
    }
  }
}
