package com.acme.forge;

import io.brokkr.runtime.Brokkr;

public class Main {
  public static void main(String[] args) throws Exception {
    try (Brokkr brokkr = Brokkr.inMemory()) {
      ForgeSagaLauncher.register(brokkr, new ForgeSaga());
      System.out.println("forged: " + ForgeSagaLauncher.start(brokkr, "bog ore").result().join());
    }
  }
}
