package io.brokkr.samples.hammeryaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.SagaFailedException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HammerYamlSampleTest {
  private final List<String> log = new CopyOnWriteArrayList<>();

  @Test
  void theLauncherOfTheYamlSagaForgesTheHammer() throws Exception {
    try (Brokkr brokkr = Brokkr.inMemory()) {
      brokkr.registerWorkers(HammerYamlSample.workers(false, log));
      String hammer = HammerLauncher.start(brokkr, "thunder", 42).result().get(10, TimeUnit.SECONDS);
      assertEquals("a thunder head on a 42 cm handle", hammer);
    }
  }

  @Test
  void aColdForgeDestroysTheHead() throws Exception {
    try (Brokkr brokkr = Brokkr.inMemory()) {
      brokkr.registerWorkers(HammerYamlSample.workers(true, log));
      ExecutionException failed = assertThrows(ExecutionException.class,
          () -> HammerLauncher.start(brokkr, "thunder", 42).result().get(10, TimeUnit.SECONDS));
      assertInstanceOf(SagaFailedException.class, failed.getCause());
      assertEquals("destroyed a thunder head", log.get(log.size() - 1));
    }
  }
}
