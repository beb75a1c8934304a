package io.brokkr.maven.internal;

import com.palantir.javapoet.JavaFile;
import io.brokkr.dsl.Messages;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.dsl.yaml.YamlProblem;
import io.brokkr.processor.LauncherEmitter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.SourceVersion;

/**
 * {@code brokkr:generate}: the typed launcher of every YAML saga, through the emitter the
 * annotation processor uses. Launchers whose source would not change are left untouched, so an
 * unchanged saga does not make the compiler run again.
 */
public final class GenerateEngine {
  /** The goal named in the launchers' {@code @Generated}. */
  static final String GENERATOR = "io.brokkr.maven.GenerateMojo";

  private GenerateEngine() {}

  /**
   * Generates every launcher when every saga is valid; otherwise logs every problem and generates
   * nothing, since the project could not compile against a partial set.
   *
   * @throws IOException when a saga file cannot be read or a launcher cannot be written
   */
  public static Outcome run(GenerateConfig config, BuildLog log) throws IOException {
    if (!SourceVersion.isName(config.packageName())) {
      log.error("Brokkr: packageName \"" + config.packageName() + "\" is not a Java package name;"
          + " set <packageName> to e.g. com.acme.sagas");
      return new Outcome(1, 0);
    }
    List<SagaSource> sources = SagaSources.read(config.baseDir(), config.sourceDirectory());
    List<YamlProblem> problems = SagaSources.problems(sources);
    List<JavaFile> launchers = new ArrayList<>();
    for (SagaSource source : sources) {
      for (SagaTemplate saga : source.sagas().sagas()) {
        if (saga.validate().isValid()) {
          emit(source, saga, config.packageName(), problems).ifPresent(launchers::add);
        }
      }
    }
    if (!problems.isEmpty()) {
      problems.forEach(p -> log.error(p.toString()));
      return new Outcome(problems.size(), 0);
    }
    int written = 0;
    for (JavaFile launcher : launchers) {
      Path file = config.outputDirectory().resolve(launcher.packageName().replace('.', '/'))
          .resolve(launcher.typeSpec().name() + ".java");
      written += Outputs.writeIfChanged(file, launcher.toString()) ? 1 : 0;
    }
    log.info("Brokkr: " + launchers.size() + " launcher(s) in "
        + SagaSources.display(config.baseDir(), config.outputDirectory()) + ": " + written + " written, "
        + (launchers.size() - written) + " unchanged");
    return Outcome.CLEAN;
  }

  /** The launcher, or a problem at the saga's name when a type it declares is not a Java type. */
  private static Optional<JavaFile> emit(SagaSource source, SagaTemplate saga, String packageName,
      List<YamlProblem> problems) {
    try {
      return Optional.of(LauncherEmitter.emit(saga, LauncherEmitter.launcherName(packageName, saga.name()), GENERATOR));
    } catch (IllegalArgumentException e) {
      problems.add(source.locate(saga.name(), Messages.yamlStructure(Optional.empty(),
          "saga \"" + saga.name() + "\" has no launcher: " + e.getMessage())));
      return Optional.empty();
    }
  }
}
