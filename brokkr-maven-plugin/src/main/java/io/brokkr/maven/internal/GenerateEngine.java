package io.brokkr.maven.internal;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import io.brokkr.dsl.Messages;
import io.brokkr.dsl.Problem;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.dsl.yaml.YamlProblem;
import io.brokkr.processor.LauncherEmitter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.SourceVersion;

/**
 * {@code brokkr:generate}: the typed launcher of every valid YAML saga, through the emitter the
 * annotation processor uses. Launchers whose source would not change are left untouched, so an
 * unchanged saga does not make the compiler run again.
 */
public final class GenerateEngine {
  /** The goal named in the launchers' {@code @Generated}. */
  static final String GENERATOR = "io.brokkr.maven.GenerateMojo";

  private GenerateEngine() {}

  /**
   * Generates the launcher of every valid saga. An invalid saga, or every saga of a file that does
   * not read cleanly, is skipped with a warning: {@code brokkr:validate} reports its problems. What
   * only generation finds is an error, and its saga gets no launcher: a type that is not Java, a type
   * naming a class that is neither on the compile classpath nor in the source roots (at the type in
   * the YAML, where javac could only report it in the launcher), two sagas whose launchers would
   * have one name.
   *
   * @throws IOException when a saga file cannot be read or a launcher cannot be written
   */
  public static Outcome run(GenerateConfig config, BuildLog log) throws IOException {
    if (!SourceVersion.isName(config.packageName())) {
      log.error("Brokkr: packageName \"" + config.packageName() + "\" is not a Java package name;"
          + " set <packageName> to e.g. com.acme.sagas");
      return new Outcome(1, 0);
    }
    List<YamlProblem> errors = new ArrayList<>();
    int skipped = 0;
    Map<ClassName, Owner> owners = new HashMap<>();
    List<JavaFile> launchers = new ArrayList<>();
    ProjectClasses classes = new ProjectClasses(config.types().classpath(), config.types().sourceRoots());
    for (SagaSource source : SagaSources.read(config.baseDir(), config.sourceDirectory())) {
      if (!readsCleanly(source)) {
        skipped++;
        log.warn(source.display() + ": does not read cleanly, no launcher for its sagas;"
            + " brokkr:validate lists its problems");
        continue;
      }
      for (SagaTemplate saga : source.sagas().sagas()) {
        ClassName launcher = LauncherEmitter.launcherName(config.packageName(), saga.name());
        if (!saga.validate().isValid()) {
          skipped++;
          log.warn(source.display() + ": saga \"" + saga.name() + "\" is invalid and has no launcher;"
              + " brokkr:validate lists its problems");
        } else if (owners.containsKey(launcher)) {
          Owner first = owners.get(launcher);
          errors.add(source.locate(saga.name(),
              Messages.launcherNameClash(saga.name(), launcher.simpleName(), first.saga(), first.file())));
        } else {
          owners.put(launcher, new Owner(saga.name(), source.display()));
          List<Problem> unknownTypes = config.types().check()
              ? TypeCheck.check(saga, config.packageName(), classes) : List.of();
          if (unknownTypes.isEmpty()) {
            emit(source, saga, launcher, errors).ifPresent(launchers::add);
          } else {
            unknownTypes.forEach(problem -> errors.add(source.locate(saga.name(), problem)));
          }
        }
      }
    }
    int written = 0;
    for (JavaFile launcher : launchers) {
      Path file = config.outputDirectory().resolve(launcher.packageName().replace('.', '/'))
          .resolve(launcher.typeSpec().name() + ".java");
      written += Outputs.writeIfChanged(file, launcher.toString()) ? 1 : 0;
    }
    errors.stream().sorted(YamlProblem.BY_LOCATION).forEach(p -> log.error(p.toString()));
    log.info("Brokkr: " + launchers.size() + " launcher(s) in "
        + SagaSources.display(config.baseDir(), config.outputDirectory()) + ": " + written + " written, "
        + (launchers.size() - written) + " unchanged");
    return new Outcome(errors.size(), skipped);
  }

  /** The saga that took a launcher name first, and the file that describes it. */
  private record Owner(String saga, String file) {}

  /**
   * Whether the file's only problems are those of its sagas' templates, which skip those sagas alone.
   * A syntax or structure problem, or a value the reader dropped, puts every saga of the file in doubt.
   */
  private static boolean readsCleanly(SagaSource source) {
    List<Problem> unexplained = new ArrayList<>(source.sagas().problems().stream().map(YamlProblem::problem).toList());
    source.sagas().sagas().forEach(saga -> saga.validate().problems().forEach(unexplained::remove));
    return unexplained.isEmpty();
  }

  /** The launcher, or a problem at the saga's name when a type it declares is not a Java type. */
  private static Optional<JavaFile> emit(SagaSource source, SagaTemplate saga, ClassName launcher,
      List<YamlProblem> problems) {
    try {
      return Optional.of(LauncherEmitter.emit(saga, launcher, GENERATOR));
    } catch (IllegalArgumentException e) {
      problems.add(source.locate(saga.name(), Messages.yamlStructure(Optional.empty(),
          "saga \"" + saga.name() + "\" has no launcher: " + e.getMessage())));
      return Optional.empty();
    }
  }
}
