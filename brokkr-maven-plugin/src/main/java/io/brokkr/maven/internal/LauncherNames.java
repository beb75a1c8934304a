package io.brokkr.maven.internal;

import io.brokkr.dsl.SagaTemplate;

/** The class name of a YAML saga's launcher: {@code order-v2} gives {@code OrderV2Launcher}. */
final class LauncherNames {
  private LauncherNames() {}

  static String of(SagaTemplate saga) {
    StringBuilder name = new StringBuilder();
    // Saga names may hold '-' and '.', which a class name cannot; each starts a capitalised word.
    for (String word : saga.name().split("[-.]")) {
      if (!word.isEmpty()) {
        name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return name.append("Launcher").toString();
  }
}
