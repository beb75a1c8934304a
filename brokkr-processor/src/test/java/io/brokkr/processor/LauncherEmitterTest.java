package io.brokkr.processor;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.palantir.javapoet.ClassName;
import io.brokkr.dsl.SagaTemplate;
import org.junit.jupiter.api.Test;

/** The emitter's public entry points, beyond the launcher it writes (see {@link GoldenTest}). */
class LauncherEmitterTest {

  @Test
  void aTemplatesLauncherIsNamedAfterTheSagaInUpperCamelCase() {
    assertThat(LauncherEmitter.launcherName("com.acme", "Hammer"))
        .isEqualTo(ClassName.get("com.acme", "HammerLauncher"));
    for (String name : new String[] {"order-v2", "order.v2", "order_v2", "orderV2"}) {
      assertThat(LauncherEmitter.launcherName("com.acme", name))
          .isEqualTo(ClassName.get("com.acme", "OrderV2Launcher"));
    }
  }

  @Test
  void everyWorkerGetsAConstantAndStepsOfOneConstantNameAreNumbered() {
    SagaTemplate template = SagaTemplate.named("Order")
        .step("charge-card").worker("Payments.charge").compensateWith("Payments.refund")
        .step("charge_card").worker("Payments.charge2")
        .build();
    String launcher = LauncherEmitter.emit(template, ClassName.get("com.acme", "OrderLauncher"), "tool").toString();
    assertThat(launcher).contains("public static final String CHARGE_CARD_WORKER = \"Payments.charge\";");
    assertThat(launcher).contains("public static final String CHARGE_CARD_COMPENSATOR_WORKER = \"Payments.refund\";");
    assertThat(launcher).contains("public static final String CHARGE_CARD_2_WORKER = \"Payments.charge2\";");
  }

  @Test
  void theGeneratorMustBeNamed() {
    SagaTemplate template = SagaTemplate.named("Order").step("pay").build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LauncherEmitter.emit(template, ClassName.get("com.acme", "OrderLauncher"), " "));
    assertThat(e).hasMessageThat()
        .isEqualTo("generator \" \" is blank; name the tool, e.g. io.brokkr.maven.GenerateMojo");
  }
}
