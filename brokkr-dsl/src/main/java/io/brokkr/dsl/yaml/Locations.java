package io.brokkr.dsl.yaml;

import io.brokkr.dsl.Messages;
import io.brokkr.dsl.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each part of one YAML saga was written, by path ({@code step:head/dependsOn:handle}), and
 * the narrowest place for a problem of the validator.
 */
final class Locations {
  private final Map<String, List<SourceLocation>> byPath = new HashMap<>();
  private final SourceLocation document;

  Locations(SourceLocation document) {
    this.document = document;
  }

  void put(String path, SourceLocation location) {
    byPath.computeIfAbsent(path, p -> new ArrayList<>()).add(location);
  }

  /** The place of a validator problem: its subject if written, else its step, else the saga. */
  SourceLocation of(Problem problem) {
    String step = problem.step().map(s -> "step:" + s).orElse("");
    String subject = problem.subject().orElse("");
    // A compensator's retry and timeout are written under its step's compensateWith.
    String owner = step;
    if (subject.startsWith(Messages.COMPENSATOR_SUBJECT)) {
      owner = step + "/compensateWith";
      subject = subject.substring(Messages.COMPENSATOR_SUBJECT.length());
    }
    List<Optional<SourceLocation>> candidates = switch (problem.kind()) {
      case DUPLICATE_STEP -> List.of(last(step));
      case DUPLICATE_INPUT -> List.of(last("input:" + subject));
      case DUPLICATE_DEPENDENCY -> List.of(last(step + "/dependsOn:" + subject));
      case UNKNOWN_DEPENDENCY, SELF_DEPENDENCY -> List.of(first(step + "/dependsOn:" + subject));
      case UNKNOWN_INPUT -> List.of(
          first(step + "/inputs:" + subject), first(step + "/compensateWith/inputs:" + subject));
      case INVALID_RETRY -> List.of(first(owner + "/retry/" + subject), first(owner + "/retry"));
      case INVALID_TIMEOUT -> List.of(first(owner + "/timeout"));
      case INVALID_NAME -> List.of(first(step + "/worker:" + subject),
          first(step + "/compensateWith/worker:" + subject), first("input:" + subject),
          first(step), first("saga"));
      case EMPTY_SAGA -> List.of(first("steps"), first("saga"));
      case CHANGED_DEPENDENCY -> List.of(first(step + "/dependsOn"));
      case UNKNOWN_TYPE -> problem.step().isPresent()
          ? List.of(first(step + "/output"))
          : List.of(first("input:" + subject + "/type"), first("input:" + subject));
      default -> List.of();
    };
    return candidates.stream().flatMap(Optional::stream).findFirst()
        .or(() -> first(step))
        .or(() -> first("saga"))
        .orElse(document);
  }

  private Optional<SourceLocation> first(String path) {
    List<SourceLocation> at = byPath.get(path);
    return at == null ? Optional.empty() : Optional.of(at.get(0));
  }

  private Optional<SourceLocation> last(String path) {
    List<SourceLocation> at = byPath.get(path);
    return at == null ? Optional.empty() : Optional.of(at.get(at.size() - 1));
  }
}
