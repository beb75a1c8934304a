package com.acme.forge;

import io.brokkr.dsl.Saga;
import io.brokkr.dsl.Step;

@Saga("Forge")
public class ForgeSaga {
  @Step public String smelt(String ore) { return "iron from " + ore; }
  @Step(dependsOn = "smelt") public String hammer(String smelt) { return "a hammer of " + smelt; }
}
