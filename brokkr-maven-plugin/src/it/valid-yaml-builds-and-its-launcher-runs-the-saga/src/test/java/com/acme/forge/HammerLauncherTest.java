package com.acme.forge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.SagaHandle;
import io.brokkr.runtime.Worker;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HammerLauncherTest {
  @Test
  void theGeneratedLauncherRunsTheYamlSagaWithTypedInputsAndResult() throws Exception {
    try (Brokkr brokkr = Brokkr.inMemory()) {
      brokkr.registerWorkers(
          Worker.sync(HammerLauncher.HEAD_WORKER, step -> "a " + step.arg(0, String.class) + " head"),
          Worker.sync(HammerLauncher.HANDLE_WORKER, step -> "a " + step.arg(0, Integer.class) + " cm handle"),
          Worker.sync(HammerLauncher.HAMMER_WORKER, step -> step.dependencyResult(0, String.class)
              + " on " + step.dependencyResult(1, String.class)),
          Worker.sync(HammerLauncher.HEAD_COMPENSATOR_WORKER, step -> null));
      SagaHandle<String> hammer = HammerLauncher.start(brokkr, "thunder", 42);
      assertEquals("a thunder head on a 42 cm handle", hammer.result().get(10, TimeUnit.SECONDS));
    }
  }
}
