package com.acme.forge;

import io.brokkr.dsl.Compensate;
import io.brokkr.dsl.Saga;
import io.brokkr.dsl.Step;

/** The annotated saga of this release: the "polish" step of the last release is gone. */
@Saga("Anvil")
public class AnvilSaga {
  @Step
  public String cast() {
    return "anvil";
  }

  @Step(dependsOn = "cast")
  public String temper(String cast) {
    return "tempered " + cast;
  }

  @Compensate("cast")
  public void melt(String cast) {
  }
}
