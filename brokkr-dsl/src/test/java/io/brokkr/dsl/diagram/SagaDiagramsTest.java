package io.brokkr.dsl.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.dsl.RetrySpec;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.dsl.SagaValidationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SagaDiagramsTest {

  private static final SagaTemplate HAMMER = SagaTemplate.named("Hammer")
      .input("headType", "String")
      .input("handleSize", "String")
      .step("head").worker("HammerHeadFactory").inputs("headType").compensateWith("HammerHeadDestroyer")
      .step("handle").worker("HandleFactory").inputs("handleSize")
      .step("hammer").worker("HammerFactory").dependsOn("head", "handle")
      .build();

  private static final SagaTemplate NAIL = SagaTemplate.named("Nail")
      .input("size", "java.util.List<com.acme.Part>")
      .step("forge").worker("Smith").retry(new RetryPolicy(5, Duration.ofMillis(250), 1.5, Duration.ofSeconds(30)))
      .step("sharpen").worker("Grinder").dependsOn("forge").timeout(Duration.ofMinutes(2)).async()
      .retry(RetryPolicy.NO_RETRY)
      .build();

  @Test
  void drawsTheHammerInMermaid() {
    assertEquals("""
        ---
        title: Hammer
        ---
        flowchart TD
          s0["head<br/>worker: HammerHeadFactory<br/>inputs: headType"]
          s1["handle<br/>worker: HandleFactory<br/>inputs: handleSize"]
          s2["hammer<br/>worker: HammerFactory"]
          c0(["compensate head<br/>worker: HammerHeadDestroyer"])
          s0 --> s2
          s1 --> s2
          s0 -. undo .-> c0
          classDef compensation stroke-dasharray: 4 4
          class c0 compensation
        """, SagaDiagrams.mermaid(HAMMER));
  }

  @Test
  void drawsTheHammerInDot() {
    assertEquals("""
        digraph "Hammer" {
          label="Hammer";
          labelloc=t;
          rankdir=TB;
          node [shape=box, style=rounded];
          s0 [label="head\\nworker: HammerHeadFactory\\ninputs: headType"];
          s1 [label="handle\\nworker: HandleFactory\\ninputs: handleSize"];
          s2 [label="hammer\\nworker: HammerFactory"];
          c0 [label="compensate head\\nworker: HammerHeadDestroyer", style="rounded,dashed"];
          s0 -> s2;
          s1 -> s2;
          s0 -> c0 [style=dashed, label="undo"];
        }
        """, SagaDiagrams.dot(HAMMER));
  }

  @Test
  void showsRetryPoliciesTimeoutsAndAsyncSteps() {
    assertEquals("""
        ---
        title: Nail
        ---
        flowchart TD
          s0["forge<br/>worker: Smith<br/>retry: 5 attempts, backoff 250ms x1.5 up to 30s"]
          s1["sharpen<br/>worker: Grinder<br/>retry: 1 attempt<br/>timeout: 2m<br/>async"]
          s0 --> s1
        """, SagaDiagrams.mermaid(NAIL));
  }

  @Test
  void showsWhichRetryValuesAreLeftToTheNode() {
    SagaTemplate bolt = SagaTemplate.named("Bolt")
        .step("cut").worker("Cutter").retry(RetrySpec.NODE_DEFAULT.withBackoff(Duration.ofMillis(10)))
            .compensateWith("Uncut").compensationRetry(RetrySpec.NODE_DEFAULT.withMaxAttempts(9))
            .compensationTimeout(Duration.ofSeconds(5))
        .build();
    assertEquals("""
        ---
        title: Bolt
        ---
        flowchart TD
          s0["cut<br/>worker: Cutter<br/>retry: backoff 10ms, the rest from the node"]
          c0(["compensate cut<br/>worker: Uncut<br/>retry: 9 attempts, the rest from the node<br/>timeout: 5s"])
          s0 -. undo .-> c0
          classDef compensation stroke-dasharray: 4 4
          class c0 compensation
        """, SagaDiagrams.mermaid(bolt));
  }

  @Test
  void indexEmbedsEverySagaByName() {
    String index = SagaDiagrams.index(List.of(NAIL, HAMMER));
    assertEquals("""
        # Saga diagrams

        - [Hammer](#hammer)
        - [Nail](#nail)

        ## Hammer

        Files: [Hammer.mmd](Hammer.mmd), [Hammer.dot](Hammer.dot)

        ```mermaid
        """ + SagaDiagrams.mermaid(HAMMER) + """
        ```

        ## Nail

        Files: [Nail.mmd](Nail.mmd), [Nail.dot](Nail.dot)

        ```mermaid
        """ + SagaDiagrams.mermaid(NAIL) + "```\n", index);
    assertEquals(index, SagaDiagrams.index(List.of(HAMMER, NAIL)));
  }

  @Test
  void refusesAnInvalidTemplate() {
    SagaTemplate cyclic = SagaTemplate.named("Loop")
        .step("a").dependsOn("b")
        .step("b").dependsOn("a")
        .template();
    assertThrows(SagaValidationException.class, () -> SagaDiagrams.mermaid(cyclic));
    assertThrows(SagaValidationException.class, () -> SagaDiagrams.dot(cyclic));
  }

  @Test
  void escapesWhatTheLanguagesReserve() {
    SagaTemplate quoted = SagaTemplate.named("Q").step("a").worker("w#1").template();
    // '#' is not a legal name character, so the template is drawn without validation.
    assertEquals("  s0[\"a<br/>worker: w#35;1\"]\n",
        MermaidRenderer.render(quoted).lines().filter(l -> l.contains("s0[")).findFirst().orElseThrow() + "\n");
  }
}
