package io.brokkr.spring.boot.autoconfigure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The launcher of a saga class is found by the name the processor gives it. */
class SagaBeansTest {
  static class Outer {
    static class Inner {}
  }

  @Test
  void aNestedSagaClassesLauncherJoinsTheNamesWithUnderscores() {
    assertEquals("io.brokkr.spring.boot.autoconfigure.ReserveSagaLauncher", SagaBeans.launcherName(ReserveSaga.class));
    assertEquals("io.brokkr.spring.boot.autoconfigure.SagaBeansTest_Outer_InnerLauncher",
        SagaBeans.launcherName(Outer.Inner.class));
  }
}
