package io.brokkr.processor;

import static com.google.common.truth.Truth.assertThat;
import static io.brokkr.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import io.brokkr.dsl.Messages;
import io.brokkr.dsl.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The processor reports everything in one compile, never crashes javac, and waits for generated types. */
class ProcessorRobustnessTest {

  @Test
  void everyProblemOfASagaIsReportedInOneCompile() {
    Compilation compilation = Compilations.compile(source("Forge", """
        @Saga
        public class Forge {
          @Step(dependsOn = "hammer") private int head() { return 1; }
          @Step(dependsOn = {"head", "handel"}) public int hammer(String head) { return 2; }
          @Step public void handle() { }
          @Compensate("heed") public void destroyHead() { }
        }
        """));
    assertThat(compilation.errors().stream().map(d -> d.getMessage(Locale.ROOT)).toList()).containsExactly(
        Messages.methodModifier("head", Messages.stepParty("head"), "head", "private").toString(),
        Messages.resultType(Messages.stepParty("hammer"), "head", "java.lang.String", "head", "int").toString(),
        Messages.unknownDependency("hammer", "handel", Optional.of("handle")).toString(),
        Messages.unknownCompensatedStep("Forge.destroyHead", "heed", Optional.of("head")).toString(),
        Messages.cycle(List.of("head", "hammer", "head")).toString()).inOrder();
  }

  @Test
  void anUnexpectedFailureBecomesAnErrorWithItsStackTrace() {
    SagaProcessor failing = new SagaProcessor(model -> {
      throw new IllegalStateException("boom");
    });
    Compilation compilation = Compiler.javac().withProcessors(failing).compile(source("Forge", """
        @Saga
        public class Forge {
          @Step public void heat() { }
        }
        """));
    assertThat(compilation.errors()).hasSize(1);
    Diagnostic<? extends JavaFileObject> error = compilation.errors().get(0);
    Problem problem = Messages.processorError("test.Forge", "");
    assertThat(error.getMessage(Locale.ROOT)).startsWith(problem.toString());
    assertThat(error.getMessage(Locale.ROOT)).contains("java.lang.IllegalStateException: boom");
    assertThat(error.getMessage(Locale.ROOT)).contains("at io.brokkr.processor.SagaProcessor");
    assertThat(error.getLineNumber()).isEqualTo(7);
  }

  @Test
  void aSagaUsingATypeGeneratedLaterIsReadInTheNextRound() {
    Compilation compilation = Compiler.javac()
        .withProcessors(new SagaProcessor(), new HeadIdGenerator())
        .compile(source("Forge", """
            @Saga
            public class Forge {
              @Step public HeadId head() { return new HeadId(); }
              @Step(dependsOn = "head") public String hammer(HeadId head) { return "hammer"; }
            }
            """));
    assertThat(compilation.errors()).isEmpty();
    assertThat(compilation.generatedSourceFile("test.ForgeLauncher")).isPresent();
  }

  /** Generates {@code test.HeadId} in the first round, as another processor would. */
  private static final class HeadIdGenerator extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        JavaFile file = JavaFile.builder("test", TypeSpec.classBuilder("HeadId").build()).build();
        try (Writer writer = processingEnv.getFiler().createSourceFile("test.HeadId").openWriter()) {
          file.writeTo(writer);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }
}
