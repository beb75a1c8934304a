package io.brokkr.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.palantir.javapoet.ClassName;
import io.brokkr.dsl.RetryPolicy;
import io.brokkr.dsl.SagaTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two golden files: what a launcher looks like, from an annotated class and from a template
 * alone. Every other generation test runs the launcher instead. Run with
 * {@code -Dbrokkr.updateGoldens=src/test/resources/golden} to rewrite them after a deliberate change.
 */
class GoldenTest {

  @Test
  void launcherOfAnAnnotatedSaga() {
    Compilation compilation = Compilations.compile(Compilations.source("HammerSaga", """
        import java.util.Map;

        @Saga("Hammer")
        public class HammerSaga {
          public record HeadId(String id) {}
          public record Hammer(HeadId head, int size) {}

          @Step(maxAttempts = 5, backoff = "200ms", timeout = "30s")
          public HeadId head(String headType, StepContext context) { return new HeadId(headType); }

          @Step(async = true, worker = "HandleFactory")
          public void handle(int size) { }

          @Step(dependsOn = {"head", "handle"})
          public Hammer hammer(HeadId head, Integer handle) { return new Hammer(head, handle); }

          @Step(dependsOn = "hammer")
          public Map<String, List<HeadId>> inventory(Hammer hammer) { return Map.of(); }

          @Compensate("head")
          public void destroyHead(HeadId head, String headType) { }
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    String launcher = Compilations.content(compilation.generatedSourceFile("test.HammerSagaLauncher").orElseThrow());
    assertMatchesGolden("HammerSagaLauncher.java", launcher);
  }

  @Test
  void launcherOfATemplateAlone() {
    SagaTemplate template = SagaTemplate.named("Order")
        .input("customer", "String")
        .input("items", "java.util.List<java.lang.String>")
        .input("total", "java.math.BigDecimal")
        .step("reserve").worker("Inventory.reserve").inputs("items").output("java.util.List<java.lang.Long>")
            .retry(new RetryPolicy(4, Duration.ofMillis(250), 1.5, Duration.ofSeconds(5)))
        .step("charge-card").worker("Payments.charge").inputs("customer", "total").output("String").async()
            .timeout(Duration.ofMinutes(2))
            .compensateWith("Payments.refund", "full", 1, List.of(true, 2.5))
        .step("ship").worker("Shipping.ship").dependsOn("reserve", "charge-card")
        .build();
    String launcher = LauncherEmitter.emit(template, ClassName.get("com.acme.orders", "OrderLauncher"),
        "io.brokkr.maven.GenerateMojo").toString();
    assertMatchesGolden("OrderLauncher.java", launcher);
    assertThat(Compiler.javac().compile(com.google.testing.compile.JavaFileObjects
        .forSourceString("com.acme.orders.OrderLauncher", launcher))).succeededWithoutWarnings();
  }

  private static void assertMatchesGolden(String name, String actual) {
    String update = System.getProperty("brokkr.updateGoldens");
    if (update != null) {
      try {
        Files.writeString(Path.of(update, name), actual);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    try (InputStream golden = GoldenTest.class.getResourceAsStream("/golden/" + name)) {
      assertThat(golden).isNotNull();
      assertThat(actual).isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
