package io.brokkr.dsl.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokkr.dsl.Problem;
import io.brokkr.dsl.SagaTemplate;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersioningLintTest {

  private static final SagaTemplate HAMMER = SagaTemplate.named("Hammer")
      .step("head").worker("HammerHeadFactory")
      .step("handle").worker("HandleFactory")
      .step("hammer").worker("HammerFactory").dependsOn("head", "handle")
      .build();

  private static List<String> lint(SagaTemplate current) {
    return VersioningLint.compare(HAMMER, current).stream().map(Problem::toString).toList();
  }

  @Test
  void theSameSagaIsCompatible() {
    assertEquals(List.of(), lint(HAMMER));
  }

  @Test
  void anAddedStepIsCompatible() {
    assertEquals(List.of(), lint(SagaTemplate.named("Hammer")
        .step("head").worker("HammerHeadFactory")
        .step("handle").worker("HandleFactory")
        .step("hammer").worker("HammerFactory").dependsOn("head", "handle")
        .step("polish").worker("Polisher").dependsOn("hammer")
        .build()));
  }

  @Test
  void aRemovedStepAndTheDependencyOnItAreReported() {
    assertEquals(List.of(
            "[Brokkr/RemovedStep] step \"handle\" of saga \"Hammer\" was removed; sagas started from the previous"
                + " version still run or compensate it: keep the step until they have finished, or give the saga"
                + " a new name",
            "[Brokkr/ChangedDependency] step \"hammer\" of saga \"Hammer\" now depends on [head] instead of"
                + " [head, handle]; sagas already running keep the old graph and pass results in the old order:"
                + " keep the dependencies until they have finished, or give the saga a new name"),
        lint(SagaTemplate.named("Hammer")
            .step("head").worker("HammerHeadFactory")
            .step("hammer").worker("HammerFactory").dependsOn("head")
            .build()));
  }

  @Test
  void aStepOnTheSameWorkerUnderANewNameIsARenameReportedOnce() {
    List<Problem> problems = VersioningLint.compare(HAMMER, SagaTemplate.named("Hammer")
        .step("hammerHead").worker("HammerHeadFactory")
        .step("handle").worker("HandleFactory")
        .step("hammer").worker("HammerFactory").dependsOn("hammerHead", "handle")
        .build());
    assertEquals(1, problems.size());
    assertEquals("[Brokkr/RenamedStep] step \"head\" of saga \"Hammer\" seems renamed to \"hammerHead\" (same"
        + " worker \"HammerHeadFactory\"); sagas started from the previous version still know it as \"head\":"
        + " keep the old name until they have finished, or give the saga a new name", problems.get(0).toString());
    assertEquals(java.util.Optional.of("hammerHead"), problems.get(0).step());
  }

  @Test
  void reorderedDependenciesChangeWhatTheStepReceives() {
    assertEquals(List.of("Brokkr/ChangedDependency"), VersioningLint.compare(HAMMER, SagaTemplate.named("Hammer")
            .step("head").worker("HammerHeadFactory")
            .step("handle").worker("HandleFactory")
            .step("hammer").worker("HammerFactory").dependsOn("handle", "head")
            .build()).stream().map(Problem::id).toList());
  }

  @Test
  void anAddedDependencyIsAChange() {
    assertEquals(List.of("Brokkr/ChangedDependency"), VersioningLint.compare(HAMMER, SagaTemplate.named("Hammer")
            .step("head").worker("HammerHeadFactory")
            .step("handle").worker("HandleFactory").dependsOn("head")
            .step("hammer").worker("HammerFactory").dependsOn("head", "handle")
            .build()).stream().map(Problem::id).toList());
  }
}
