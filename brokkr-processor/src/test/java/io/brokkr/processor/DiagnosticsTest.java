package io.brokkr.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.brokkr.processor.Compilations.assertError;
import static io.brokkr.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import io.brokkr.dsl.Messages;
import java.util.List;
import java.util.Optional;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/** One test per diagnostic: its exact message, and the line and column it is reported at. */
class DiagnosticsTest {

  @Test
  void cycleIsReportedOnTheFirstStepsDependencyOnThePath() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          @Step(dependsOn = "quench") public int heat() { return 1; }
          @Step(dependsOn = "heat") public int quench() { return 2; }
        }
        """), Messages.cycle(List.of("heat", "quench", "heat")), "\"quench\")");
  }

  @Test
  void unknownDependencySuggestsTheClosestStep() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          @Step public int head() { return 1; }
          @Step(dependsOn = {"head", "hed"}) public void hammer(int head) { }
        }
        """), Messages.unknownDependency("hammer", "hed", Optional.of("head")), "\"hed\"}");
  }

  @Test
  void duplicateStepIsReportedOnTheSecondDeclaration() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          @Step public int heat() { return 1; }
          @Step(name = "heat") public int warm() { return 2; }
        }
        """), Messages.duplicateStep("heat"), "\"heat\")");
  }

  @Test
  void selfDependency() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          @Step(dependsOn = "heat") public void heat() { }
        }
        """), Messages.selfDependency("heat"), "\"heat\")");
  }

  @Test
  void duplicateDependencyIsReportedOnTheRepeatedEntry() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          @Step public void heat() { }
          @Step(dependsOn = {"heat", "heat"}) public void quench() { }
        }
        """), Messages.duplicateDependency("quench", "heat"), "\"heat\"}");
  }

  @Test
  void compensatorOfAnUnknownStep() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          @Step public void heat() { }
          @Compensate("heet") public void cool() { }
        }
        """), Messages.unknownCompensatedStep("Forge.cool", "heet", Optional.of("heat")), "\"heet\"");
  }

  @Test
  void twoCompensatorsForOneStep() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          @Step public void heat() { }
          @Compensate("heat") public void cool() { }
          @Compensate("heat") public void quench() { }
        }
        """), Messages.duplicateCompensation("heat", List.of("Forge.cool", "Forge.quench")),
        "\"heat\") public void quench");
  }

  @Test
  void invalidStepName() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          @Step(name = "heat it") public void heat() { }
        }
        """), Messages.invalidName(Optional.of("heat it"), "step", "heat it"), "\"heat it\"");
  }

  @Test
  void sagaWithoutSteps() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
        }
        """), Messages.emptySaga("Forge"), "@Saga");
  }

  @Test
  void invalidMaxAttemptsQuotesTheValue() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          @Step(maxAttempts = -1) public void heat() { }
        }
        """), Messages.invalidRetry("heat", "maxAttempts", "must be at least 1", "-1"), "-1)");
  }

  @Test
  void invalidBackoffMultiplierQuotesTheValue() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          @Step(maxAttempts = 2, backoffMultiplier = 0.5) public void heat() { }
        }
        """), Messages.invalidRetry("heat", "backoffMultiplier", "must be a number of at least 1.0", "0.5"), "0.5)");
  }

  @Test
  void timeoutMustBePositive() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          @Step(timeout = "0s") public void heat() { }
        }
        """), Messages.invalidTimeout("heat", "0ms"), "\"0s\"");
  }

  @Test
  void unreadableDurationQuotesTheValue() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          @Step(backoff = "soon") public void heat() { }
        }
        """), Messages.unreadableDuration("heat", "backoff", "soon"), "\"soon\"");
  }

  @Test
  void invalidCompensatorMaxAttemptsIsReportedOnItsValue() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          @Step public void heat() { }
          @Compensate(value = "heat", maxAttempts = -1, backoff = "1s") public void cool() { }
        }
        """), Messages.invalidCompensatorRetry("heat", "Forge.cool", "maxAttempts", "must be at least 1", "-1"),
        "-1, backoff");
  }

  @Test
  void invalidCompensatorMaxBackoffIsReportedOnItsValue() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          @Step public void heat() { }
          @Compensate(value = "heat", backoff = "2s", maxBackoff = "1s") public void cool() { }
        }
        """), Messages.invalidCompensatorRetry("heat", "Forge.cool", "maxBackoff",
            "must not be shorter than backoff (2s)", "1s"), "\"1s\"");
  }

  @Test
  void compensatorTimeoutMustBePositive() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          @Step(timeout = "5s") public void heat() { }
          @Compensate(value = "heat", timeout = "-1s") public void cool() { }
        }
        """), Messages.invalidCompensatorTimeout("heat", "Forge.cool", "-1s"), "\"-1s\"");
  }

  @Test
  void unreadableCompensatorDurationQuotesTheValue() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          @Step(backoff = "1s") public void heat() { }
          @Compensate(value = "heat", backoff = "later") public void cool() { }
        }
        """), Messages.unreadableCompensatorDuration("heat", "Forge.cool", "backoff", "later"), "\"later\"");
  }

  @Test
  void innerSagaClass() {
    assertError(source("Outer", """
        public class Outer {
          @Saga
          public class Forge {
            @Step public void heat() { }
          }
        }
        """), Messages.innerSagaClass("Outer.Forge"), "class Forge");
  }

  @Test
  void privateSagaClass() {
    assertError(source("Outer", """
        public class Outer {
          @Saga
          private static class Forge {
            @Step public void heat() { }
          }
        }
        """), Messages.privateSagaClass("Outer.Forge"), "class Forge");
  }

  @Test
  void genericSagaClass() {
    assertError(source("Forge", """
        @Saga
        public class Forge<T> {
          @Step public void heat(T metal) { }
        }
        """), Messages.genericSagaClass("Forge"), "T> {");
  }

  @Test
  void genericStepMethod() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          @Step public <M extends Number> void heat(M metal) { }
        }
        """), Messages.genericMethod("heat", Messages.stepParty("heat"), "heat"), "M extends");
  }

  @Test
  void genericCompensatorMethod() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          @Step public void heat() { }
          @Compensate("heat") public <M> void cool(M metal) { }
        }
        """), Messages.genericMethod("heat", Messages.compensatorParty("heat", "Forge.cool"), "cool"), "M> void cool");
  }

  @Test
  void privateStepMethod() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          @Step private void heat() { }
        }
        """), Messages.methodModifier("heat", Messages.stepParty("heat"), "heat", "private"), "heat()");
  }

  @Test
  void staticCompensatorMethod() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          @Step public void heat() { }
          @Compensate("heat") static void cool() { }
        }
        """), Messages.methodModifier("heat", Messages.compensatorParty("heat", "Forge.cool"), "cool", "static"), "cool()");
  }

  @Test
  void stepAndCompensatorOnOneMethod() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          @Step public void heat() { }
          @Step @Compensate("heat") public void cool() { }
        }
        """), Messages.stepAndCompensator("cool", "cool"), "@Compensate");
  }

  @Test
  void asyncStepThatReturnsAValue() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          @Step(async = true) public String heat() { return "hot"; }
        }
        """), Messages.asyncResult("heat", "java.lang.String"), "heat()");
  }

  @Test
  void parameterThatCannotAcceptTheDependencysResult() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          @Step public Integer heat() { return 1; }
          @Step(dependsOn = "heat") public void quench(String heat) { }
        }
        """), Messages.resultType(Messages.stepParty("quench"), "heat", "java.lang.String", "heat", "java.lang.Integer"),
        "heat) {");
  }

  /** Assignable is not enough: the result arrives as JSON, read back as the parameter's type. */
  @Test
  void parameterOfASupertypeOfTheResult() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          @Step public Integer heat() { return 1; }
          @Step(dependsOn = "heat") public void quench(Number heat) { }
        }
        """), Messages.resultType(Messages.stepParty("quench"), "heat", "java.lang.Number", "heat", "java.lang.Integer"),
        "heat) {");
  }

  /** An async step's result has the type its first reader declares; every other reader declares the same. */
  @Test
  void readersOfAnAsyncStepThatDisagreeOnItsType() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          public record Receipt(String id) {}
          @Step(async = true) public void charge() { }
          @Step(dependsOn = "charge") public void ledger(Receipt charge) { }
          @Step(dependsOn = "charge") public void email(String charge) { }
        }
        """), Messages.parameterType(Messages.stepParty("email"), "charge", "java.lang.String", "charge", "test.Forge.Receipt"),
        "charge) { }\n}");
  }

  @Test
  void parameterWithAWildcardTheResultIsAssignableTo() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          @Step public List<String> parts() { return List.of(); }
          @Step(dependsOn = "parts") public void quench(List<? extends CharSequence> parts) { }
        }
        """), Messages.resultType(Messages.stepParty("quench"), "parts", "java.util.List<? extends java.lang.CharSequence>",
        "parts", "java.util.List<java.lang.String>"), "parts) {");
  }

  @Test
  void resultsReachParametersOfTheirTypeOrItsBoxedOrPrimitiveTwin() {
    Compilation compilation = Compilations.compile(source("Forge", """
        @Saga
        public class Forge {
          @Step public int heat() { return 1; }
          @Step public List<String> parts() { return List.of(); }
          @Step(dependsOn = {"heat", "parts"}) public void quench(Integer heat, List<String> parts) { }
          @Compensate("heat") public void cool(int heat) { }
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void parameterNamedLikeAStepNotInDependsOn() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          @Step public int heat() { return 1; }
          @Step public void quench(int heat) { }
        }
        """), Messages.undeclaredDependency("quench", "heat"), "heat) {");
  }

  @Test
  void compensatorParameterNamedLikeAStepItDoesNotCompensate() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          @Step public int heat() { return 1; }
          @Step(dependsOn = "heat") public String hammer(int heat) { return "hammer"; }
          @Compensate("heat") public void cool(int heat, String hammer) { }
        }
        """), Messages.compensatorParameter("heat", "Forge.cool", "hammer"), "hammer) { }");
  }

  /** The trap of issue 12: the parameter would silently become a new saga input. */
  @Test
  void compensatorParameterOfItsStepsResultTypeNamedUnlikeTheStep() {
    assertError(source("Shop", """
        @Saga
        public class Shop {
          public record Reservation(String id) {}
          @Step public Reservation reserveStock(String sku) { return new Reservation(sku); }
          @Compensate("reserveStock") public void releaseStock(Reservation reservation, String sku) { }
        }
        """), Messages.unnamedResult("reserveStock", "Shop.releaseStock", "reservation", "test.Shop.Reservation"),
        "reservation, String sku");
  }

  @Test
  void unnamedResultMessageNamesTheStepAndTheFix() {
    assertThat(Messages.unnamedResult("reserveStock", "Shop.releaseStock", "reservation", "test.Shop.Reservation")
        .toString()).isEqualTo("[Brokkr/UnnamedResult] parameter \"reservation\" of compensator"
            + " \"Shop.releaseStock\" of step \"reserveStock\" has the type of the result of step \"reserveStock\""
            + " (test.Shop.Reservation) but another name, so it would be a new saga input that no step takes;"
            + " a compensator receives its step's result through a parameter named like the step:"
            + " rename \"reservation\" to \"reserveStock\"");
  }

  /** A typo in dependsOn is the root problem: the parameter it leaves undeclared is not reported too. */
  @Test
  void aMisspeltDependencyIsReportedOnceNotAsAnUndeclaredParameter() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          @Step public int reserve() { return 1; }
          @Step(dependsOn = "reserv") public void ship(int reserve) { }
        }
        """), Messages.unknownDependency("ship", "reserv", Optional.of("reserve")), "\"reserv\")");
  }

  /** Every message names a compensator by its worker and step, never by its method alone. */
  @Test
  void aCompensatorIsNamedOneWayInEveryMessage() {
    Compilation compilation = Compilations.compile(source("Forge", """
        @Saga
        public class Forge {
          @Step public int heat() { return 1; }
          @Step(dependsOn = "heat") public String hammer(int heat) { return "h"; }
          @Compensate(value = "heat", maxAttempts = -1) public void cool(String heat, String hammer) { }
        }
        """));
    List<String> errors = compilation.errors().stream().map(d -> d.getMessage(java.util.Locale.ROOT)).toList();
    assertThat(errors).hasSize(3);
    for (String error : errors) {
      assertThat(error).contains("compensator \"Forge.cool\" of step \"heat\"");
      assertThat(error).doesNotContain("compensator \"cool\"");
    }
  }

  @Test
  void unusedResultOfADependencyIsAWarning() {
    Compilation compilation = Compilations.assertReports(source("Forge", """
        @Saga
        public class Forge {
          @Step public int heat() { return 1; }
          @Step(dependsOn = "heat") public void quench() { }
        }
        """), Messages.unusedResult("quench", "heat", "int"), Diagnostic.Kind.WARNING, "\"heat\")");
    // Only a warning: the saga compiles, and its launcher with it.
    assertThat(compilation).succeeded();
    assertThat(compilation.errors()).isEmpty();
    assertThat(compilation.generatedSourceFile("test.ForgeLauncher")).isPresent();
  }

  /** The parameter meant for the dependency's result, named otherwise, is where the warning points. */
  @Test
  void anInputOfTheUnusedResultsTypeGetsTheWarningWithTheRename() {
    Compilation compilation = Compilations.assertReports(source("Forge", """
        @Saga
        public class Forge {
          @Step public int heat() { return 1; }
          @Step(dependsOn = "heat") public void quench(String water, int temperature) { }
        }
        """), Messages.unusedResultBesideInput("quench", "heat", "int", "temperature"), Diagnostic.Kind.WARNING,
        "temperature) {");
    assertThat(compilation).succeeded();
    assertThat(compilation.generatedSourceFile("test.ForgeLauncher")).isPresent();
  }

  @Test
  void unusedResultBesideInputMessageNamesTheRename() {
    assertThat(Messages.unusedResultBesideInput("quench", "heat", "int", "temperature").toString())
        .isEqualTo("[Brokkr/UnusedResult] step \"quench\" depends on \"heat\" but no parameter receives its result"
            + " (int); parameter \"temperature\" has that type but another name, so it is a new saga input: rename"
            + " it \"heat\" to receive the result, or ignore this if \"temperature\" is meant as an input");
  }

  @Test
  void parameterAskingForTheResultOfAVoidStep() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          @Step public void heat() { }
          @Step(dependsOn = "heat") public void quench(String heat) { }
        }
        """), Messages.voidResult(Messages.stepParty("quench"), "heat", "heat"), "heat) {");
  }

  @Test
  void oneInputWithTwoTypes() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          @Step public void heat(int size) { }
          @Step public void quench(String size) { }
        }
        """), Messages.inputType("size", "int", "heat", "java.lang.String", "quench"), "size) { }\n}");
  }

  @Test
  void stepOutsideASaga() {
    assertError(source("Forge", """
        public class Forge {
          @Step public void heat() { }
        }
        """), Messages.outsideSaga("@Step", "heat", "Forge"), "@Step");
  }

  @Test
  void twoStepsOnOneWorker() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          @Step(worker = "Shared") public void heat() { }
          @Step(worker = "Shared") public void quench() { }
        }
        """), Messages.duplicateWorker("Shared", "quench", Optional.empty(), "heat", Optional.empty()),
        "\"Shared\") public void quench");
  }

  @Test
  void overloadedCompensatorsShareTheirDefaultWorker() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          @Step public int heat() { return 1; }
          @Step public String quench() { return "cold"; }
          @Compensate("heat") public void undo(int heat) { }
          @Compensate("quench") public void undo(String quench) { }
        }
        """), Messages.duplicateWorker("Forge.undo", "quench", Optional.of("undo"), "heat", Optional.of("undo")),
        "undo(String");
  }

  @Test
  void aCompensatorNamedLikeAStepSharesItsWorker() {
    assertError(source("Forge", """
        @Saga
        public class Forge {
          @Step public int heat() { return 1; }
          @Step(dependsOn = "heat") public void cool(int heat) { }
          @Compensate("heat") public void cool(int heat, StepContext context) { }
        }
        """), Messages.duplicateWorker("Forge.cool", "heat", Optional.of("cool"), "cool", Optional.empty()),
        "cool(int heat, StepContext");
  }

  @Test
  void compensatorOutsideASaga() {
    assertError(source("Forge", """
        public class Forge {
          @Compensate("heat") public void cool() { }
        }
        """), Messages.outsideSaga("@Compensate", "cool", "Forge"), "@Compensate");
  }

  /**
   * javac hands processors no element declared inside a method body, so a local {@code @Saga} class
   * is never seen: no diagnostic, and no launcher (which code outside the method could not use).
   */
  @Test
  void localSagaClassIsInvisibleToTheProcessor() {
    Compilation compilation = Compilations.compile(source("Outer", """
        public class Outer {
          void forge() {
            @Saga
            class Forge {
              @Step public void heat() { }
            }
          }
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.generatedSourceFiles()).isEmpty();
  }
}
