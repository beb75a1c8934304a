package com.acme.forge;

import io.brokkr.dsl.Saga;
import io.brokkr.dsl.Step;

/** The annotated saga of this release: the "cool" step of the last release is gone. */
@Saga("Bellows")
public class BellowsSaga {
  @Step
  public int pump(int strokes) {
    return 2 * strokes;
  }

  @Step(dependsOn = "pump", maxAttempts = 2)
  public void stoke(int pump) {
  }
}
