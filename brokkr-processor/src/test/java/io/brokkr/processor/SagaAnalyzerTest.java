package io.brokkr.processor;

import static com.google.common.truth.Truth.assertThat;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.brokkr.dsl.Messages;
import io.brokkr.processor.LauncherModel.Argument;
import io.brokkr.processor.SourceMethod.Attribute;
import io.brokkr.processor.SourceSaga.Nesting;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The analyzer checks a saga as written without javac: sites and types are stand-ins. */
class SagaAnalyzerTest {
  private static final ClassName SAGA = ClassName.get("com.acme", "Forge");
  private static final ClassName LAUNCHER = ClassName.get("com.acme", "ForgeLauncher");
  private static final ClassName HEAD = ClassName.get("com.acme", "HeadId");
  /** A parameter receives a result of its own type only. */
  private static final TypeChecker EXACT = TypeName::equals;

  /** A site that says what it stands for. */
  private record At(String what) implements Site {}

  @Test
  void sortsParametersIntoResultsInputsAndContext() {
    SourceStep head = step("head", HEAD, List.of(), parameter("headType", ClassName.get(String.class)));
    SourceStep hammer = step("hammer", TypeName.VOID, List.of("head"),
        parameter("head", HEAD), new SourceParameter("context", ClassName.get("io.brokkr.runtime", "StepContext"),
            true, new At("context")));

    SagaAnalyzer.Analysis analysis = SagaAnalyzer.analyze(saga(head, hammer), EXACT, LAUNCHER);

    assertThat(analysis.reports()).isEmpty();
    LauncherModel model = analysis.launcher().orElseThrow();
    assertThat(model.template().inputs().get(0).type()).isEqualTo("java.lang.String");
    assertThat(model.template().step("head").orElseThrow().outputType()).hasValue("com.acme.HeadId");
    assertThat(model.binding().orElseThrow().steps().get("hammer").arguments())
        .containsExactly(new Argument.Result("head", 0, HEAD), new Argument.Context()).inOrder();
  }

  @Test
  void reportsATypeMismatchOnTheParameter() {
    SourceStep head = step("head", HEAD, List.of());
    SourceStep hammer = step("hammer", TypeName.VOID, List.of("head"), parameter("head", TypeName.INT));

    SagaAnalyzer.Analysis analysis = SagaAnalyzer.analyze(saga(head, hammer), EXACT, LAUNCHER);

    assertThat(analysis.reports()).containsExactly(new Report(
        Messages.resultType(Messages.stepParty("hammer"), "head", "int", "head", "com.acme.HeadId"), new At("head")));
    assertThat(analysis.launcher()).isEmpty();
  }

  private static SourceSaga saga(SourceStep... steps) {
    return new SourceSaga(SAGA, "Forge", Nesting.REACHABLE, new At("class"), new At("@Saga"), Optional.empty(),
        Optional.empty(), List.of(steps), List.of());
  }

  private static SourceStep step(
      String name, TypeName returns, List<String> dependsOn, SourceParameter... parameters) {
    SourceMethod method = new SourceMethod(name, false, false, Optional.empty(), returns, List.of(parameters),
        new At(name + "()"), new At("@Step " + name), Map.of());
    return new SourceStep(method, dependsOn.stream().map(d -> new Attribute(d, new At("dependsOn " + d))).toList(),
        Optional.empty());
  }

  private static SourceParameter parameter(String name, TypeName type) {
    return new SourceParameter(name, type, false, new At(name));
  }
}
