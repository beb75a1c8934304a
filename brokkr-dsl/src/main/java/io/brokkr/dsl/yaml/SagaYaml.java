package io.brokkr.dsl.yaml;

import io.brokkr.dsl.Messages;
import io.brokkr.dsl.Problem;
import io.brokkr.dsl.SagaTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes sagas in YAML. A file holds one saga per YAML document ({@code ---} separates
 * them):
 *
 * <pre>{@code
 * saga: Hammer
 * inputs: { headType: String, handleSize: String }
 * steps:
 *   head:   { worker: HammerHeadFactory, inputs: [headType], compensateWith: HammerHeadDestroyer }
 *   handle: { worker: HandleFactory, inputs: [handleSize] }
 *   hammer: { worker: HammerFactory, dependsOn: [head, handle] }
 * }</pre>
 *
 * <p>Every problem, syntax or semantic, is reported with the file, line and column of the node at
 * fault; the validator of {@code brokkr-dsl} checks every saga read.
 */
public final class SagaYaml {
  private SagaYaml() {}

  /**
   * Reads every saga of a file.
   *
   * @param file a YAML file in UTF-8, named in the problems as given
   * @return the sagas and every problem found
   * @throws IOException when the file cannot be read
   */
  public static YamlSagas read(Path file) throws IOException {
    return read(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
  }

  /**
   * Reads every saga of a YAML text; {@code file} names it in the problems.
   *
   * @param file the text's name in the problems' locations, e.g. its path
   * @param text the YAML text, one saga per document
   * @return the sagas and every problem found
   */
  public static YamlSagas read(String file, String text) {
    List<YamlProblem> problems = new ArrayList<>();
    List<SagaTemplate> sagas = new ArrayList<>();
    List<YamlNode> documents;
    try {
      documents = YamlTreeParser.parse(file, text);
    } catch (YamlTreeParser.SyntaxException e) {
      return new YamlSagas(List.of(), List.of(new YamlProblem(e.location(), Messages.yamlSyntax(e.getMessage()))));
    }
    if (documents.isEmpty()) {
      problems.add(new YamlProblem(new SourceLocation(file, 1, 1), Messages.yamlStructure(Optional.empty(),
          "the file holds no saga; start it with \"saga: <Name>\" and its steps")));
    }
    for (YamlNode document : documents) {
      TemplateReader.read(document, problems).ifPresent(located -> {
        sagas.add(located.template());
        for (Problem problem : located.template().validate().problems()) {
          problems.add(new YamlProblem(located.locations().of(problem), problem));
        }
      });
    }
    problems.sort(YamlProblem.BY_LOCATION);
    return new YamlSagas(sagas, problems);
  }

  /**
   * Where a problem of the saga named {@code saga} sits in a YAML text, for problems found outside
   * the reader (e.g. by a lint comparing versions): at the problem's subject or step where the text
   * writes them, else at the saga's name, else at the start of the file.
   *
   * @param file names the text in the location
   * @param text the YAML text that describes the saga
   * @param saga the saga's name
   * @param problem the problem, found elsewhere
   * @return the problem at its place in the text
   */
  public static YamlProblem locate(String file, String text, String saga, Problem problem) {
    try {
      for (YamlNode document : YamlTreeParser.parse(file, text)) {
        Optional<TemplateReader.Located> located = TemplateReader.read(document, new ArrayList<>());
        if (located.isPresent() && located.get().template().name().equals(saga)) {
          return new YamlProblem(located.get().locations().of(problem), problem);
        }
      }
    } catch (YamlTreeParser.SyntaxException e) {
      // A text that does not parse has no better place than its start.
    }
    return new YamlProblem(new SourceLocation(file, 1, 1), problem);
  }

  /**
   * {@return the YAML text of the templates, one document each; reading it gives equal templates}
   *
   * @param templates the sagas to write, in this order
   */
  public static String write(List<SagaTemplate> templates) {
    return TemplateWriter.write(templates);
  }

  /**
   * {@return the YAML text of one template; reading it gives an equal template}
   *
   * @param template the saga to write
   */
  public static String write(SagaTemplate template) {
    return write(List.of(template));
  }
}
