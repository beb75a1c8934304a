package io.brokkr.dsl.yaml;

import io.brokkr.dsl.Compensation;
import io.brokkr.dsl.Durations;
import io.brokkr.dsl.Messages;
import io.brokkr.dsl.Names;
import io.brokkr.dsl.Problem;
import io.brokkr.dsl.RetrySpec;
import io.brokkr.dsl.SagaInput;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.dsl.StepTemplate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns one YAML document into a {@link SagaTemplate}, recording where each part was written and
 * reporting every node of the wrong shape. Missing optional parts take their defaults.
 */
final class TemplateReader {
  static final List<String> SAGA_KEYS = List.of("saga", "inputs", "steps");
  static final List<String> STEP_KEYS =
      List.of("worker", "dependsOn", "inputs", "output", "compensateWith", "retry", "timeout", "async");
  static final List<String> COMPENSATION_KEYS = List.of("worker", "args", "inputs", "retry", "timeout");
  static final List<String> RETRY_KEYS = List.of("maxAttempts", "backoff", "backoffMultiplier", "maxBackoff");

  private final List<YamlProblem> problems;
  private final Locations locations;
  private String sagaName = "";

  private TemplateReader(List<YamlProblem> problems, SourceLocation document) {
    this.problems = problems;
    this.locations = new Locations(document);
  }

  /** A template and where its parts were written. */
  record Located(SagaTemplate template, Locations locations) {}

  /** The saga of one document, or empty when its shape is too broken to build one. */
  static Optional<Located> read(YamlNode document, List<YamlProblem> problems) {
    return new TemplateReader(problems, document.location()).saga(document);
  }

  private Optional<Located> saga(YamlNode document) {
    Optional<YamlNode.Mapping> root = mapping(document, Optional.empty(), "a saga document");
    if (root.isEmpty()) {
      return Optional.empty();
    }
    knownKeys(root.get(), SAGA_KEYS, Optional.empty(), "a saga");
    Optional<YamlNode.Entry> nameEntry = root.get().entry("saga");
    if (nameEntry.isEmpty()) {
      structure(root.get().location(), Optional.empty(),
          "a saga document needs the key \"saga\" with the saga's name, e.g. \"saga: Hammer\"");
      return Optional.empty();
    }
    Optional<String> name = text(nameEntry.get().value(), Optional.empty(), "the saga's name");
    if (name.isEmpty()) {
      return Optional.empty();
    }
    sagaName = name.get();
    locations.put("saga", nameEntry.get().value().location());
    List<SagaInput> inputs = root.get().entry("inputs").map(e -> inputs(e.value())).orElse(List.of());
    List<StepTemplate> steps = new ArrayList<>();
    List<Compensation> compensations = new ArrayList<>();
    Optional<YamlNode.Entry> stepsEntry = root.get().entry("steps");
    if (stepsEntry.isEmpty()) {
      structure(root.get().location(), Optional.empty(),
          "saga \"" + sagaName + "\" needs the key \"steps\" with a mapping of its steps");
      return Optional.empty();
    }
    locations.put("steps", stepsEntry.get().keyLocation());
    Optional<YamlNode.Mapping> stepNodes =
        mapping(stepsEntry.get().value(), Optional.empty(), "the steps of saga \"" + sagaName + "\"");
    if (stepNodes.isEmpty()) {
      return Optional.empty();
    }
    stepNodes.get().entries().forEach(e -> step(e, steps, compensations));
    return Optional.of(new Located(new SagaTemplate(sagaName, inputs, steps, compensations), locations));
  }

  /** {@code name: Type} pairs, or a plain list of names of no particular type. */
  private List<SagaInput> inputs(YamlNode node) {
    List<SagaInput> inputs = new ArrayList<>();
    if (node instanceof YamlNode.Sequence list) {
      for (YamlNode item : list.items()) {
        text(item, Optional.empty(), "an input name").ifPresent(name -> {
          locations.put("input:" + name, item.location());
          inputs.add(new SagaInput(name, SagaInput.ANY_TYPE));
        });
      }
      return inputs;
    }
    mapping(node, Optional.empty(), "the inputs of saga \"" + sagaName + "\"").ifPresent(m -> {
      for (YamlNode.Entry entry : m.entries()) {
        locations.put("input:" + entry.key(), entry.keyLocation());
        text(entry.value(), Optional.empty(), "the type of input \"" + entry.key() + "\"").ifPresent(type -> {
          locations.put("input:" + entry.key() + "/type", entry.value().location());
          inputs.add(new SagaInput(entry.key(), type));
        });
      }
    });
    return inputs;
  }

  private void step(YamlNode.Entry entry, List<StepTemplate> steps, List<Compensation> compensations) {
    String name = entry.key();
    Optional<String> step = Optional.of(name);
    String path = "step:" + name;
    locations.put(path, entry.keyLocation());
    YamlNode.Mapping body = entry.value() instanceof YamlNode.Scalar s && s.value().isEmpty()
        ? new YamlNode.Mapping(s.location(), List.of())
        : mapping(entry.value(), step, "step \"" + name + "\"").orElse(null);
    if (body == null) {
      return;
    }
    knownKeys(body, STEP_KEYS, step, "step \"" + name + "\"");
    String worker = body.entry("worker")
        .flatMap(e -> located(path + "/worker", e.value(), text(e.value(), step, "a worker name")))
        .orElse(StepTemplate.defaultWorker(sagaName, name));
    List<String> dependsOn = body.entry("dependsOn")
        .map(e -> names(e.value(), step, path + "/dependsOn", "dependsOn")).orElse(List.of());
    List<String> stepInputs = body.entry("inputs")
        .map(e -> names(e.value(), step, path + "/inputs", "inputs")).orElse(List.of());
    Optional<String> output = body.entry("output")
        .flatMap(e -> located(path + "/output", e.value(), text(e.value(), step, "an output type")));
    PolicyOwner owner = PolicyOwner.ofStep(name);
    RetrySpec retry = body.entry("retry").map(e -> retry(e, owner)).orElse(RetrySpec.NODE_DEFAULT);
    Optional<Duration> timeout = body.entry("timeout").flatMap(e -> timeout(e, owner));
    boolean async = body.entry("async").flatMap(e -> bool(e.value(), step, "async")).orElse(false);
    body.entry("compensateWith").flatMap(e -> compensation(e.value(), name)).ifPresent(compensations::add);
    steps.add(new StepTemplate(name, worker, dependsOn, stepInputs, output, retry, timeout, async));
  }

  private Optional<Compensation> compensation(YamlNode node, String stepName) {
    Optional<String> step = Optional.of(stepName);
    String path = "step:" + stepName + "/compensateWith";
    if (node instanceof YamlNode.Scalar) {
      return located(path + "/worker", node, text(node, step, "a compensator worker name"))
          .map(worker -> new Compensation(stepName, worker, List.of(), List.of()));
    }
    Optional<YamlNode.Mapping> body = mapping(node, step, "the compensator of step \"" + stepName + "\"");
    if (body.isEmpty()) {
      return Optional.empty();
    }
    knownKeys(body.get(), COMPENSATION_KEYS, step, "the compensator of step \"" + stepName + "\"");
    Optional<String> worker = body.get().entry("worker")
        .flatMap(e -> located(path + "/worker", e.value(), text(e.value(), step, "a compensator worker name")));
    if (worker.isEmpty()) {
      if (body.get().entry("worker").isEmpty()) {
        structure(body.get().location(), step,
            "the compensator of step \"" + stepName + "\" needs the key \"worker\"");
      }
      return Optional.empty();
    }
    List<Object> args = body.get().entry("args").map(e -> args(e.value(), step)).orElse(List.of());
    List<String> inputs = body.get().entry("inputs")
        .map(e -> names(e.value(), step, path + "/inputs", "inputs")).orElse(List.of());
    PolicyOwner owner = PolicyOwner.ofCompensator(stepName, worker.get());
    RetrySpec retry = body.get().entry("retry").map(e -> retry(e, owner)).orElse(RetrySpec.NODE_DEFAULT);
    Optional<Duration> timeout = body.get().entry("timeout").flatMap(e -> timeout(e, owner));
    return Optional.of(new Compensation(stepName, worker.get(), args, inputs, retry, timeout));
  }

  private Optional<Duration> timeout(YamlNode.Entry entry, PolicyOwner owner) {
    locations.put(owner.path() + "/timeout", entry.value().location());
    return text(entry.value(), Optional.of(owner.step()), "a timeout")
        .flatMap(t -> duration(t, entry.value().location(), () -> owner.unreadableTimeout(t)));
  }

  /** The values given; a value that cannot be read is reported and left to the node's default. */
  private RetrySpec retry(YamlNode.Entry entry, PolicyOwner owner) {
    Optional<String> step = Optional.of(owner.step());
    String path = owner.path() + "/retry";
    locations.put(path, entry.keyLocation());
    String what = "the retry policy of " + owner.describe();
    Optional<YamlNode.Mapping> body = mapping(entry.value(), step, what);
    if (body.isEmpty()) {
      return RetrySpec.NODE_DEFAULT;
    }
    knownKeys(body.get(), RETRY_KEYS, step, what);
    RetrySpec spec = RetrySpec.NODE_DEFAULT;
    for (YamlNode.Entry e : body.get().entries()) {
      locations.put(path + "/" + e.key(), e.value().location());
      RetrySpec given = spec;
      spec = switch (e.key()) {
        case "maxAttempts" -> number(e.value(), step, "maxAttempts").flatMap(n -> attempts(n, owner, e.value()))
            .map(given::withMaxAttempts).orElse(given);
        case "backoffMultiplier" -> number(e.value(), step, "backoffMultiplier")
            .map(n -> given.withBackoffMultiplier(n.doubleValue())).orElse(given);
        case "backoff", "maxBackoff" -> text(e.value(), step, e.key()).flatMap(t -> duration(
                t, e.value().location(), () -> owner.unreadableRetryDuration(e.key(), t)))
            .map(d -> e.key().equals("backoff") ? given.withBackoff(d) : given.withMaxBackoff(d)).orElse(given);
        default -> given; // an unknown key, reported by knownKeys
      };
    }
    return spec;
  }

  /** A whole number of attempts that fits an int; anything else is quoted back, not truncated. */
  private Optional<Integer> attempts(Number number, PolicyOwner owner, YamlNode node) {
    if ((number instanceof Integer || number instanceof Long || number instanceof java.math.BigInteger)
        && number.longValue() == number.doubleValue()
        && number.longValue() >= Integer.MIN_VALUE && number.longValue() <= Integer.MAX_VALUE) {
      return Optional.of(number.intValue());
    }
    problems.add(new YamlProblem(node.location(), owner.invalidRetry(
        "maxAttempts", "must be a whole number of at most " + Integer.MAX_VALUE, describe(node))));
    return Optional.empty();
  }

  private Optional<Duration> duration(String text, SourceLocation at, Supplier<Problem> unreadable) {
    try {
      return Optional.of(Durations.parse(text));
    } catch (IllegalArgumentException e) {
      problems.add(new YamlProblem(at, unreadable.get()));
      return Optional.empty();
    }
  }

  /** A list of names (a single name is a list of one), each recorded at {@code path:name}. */
  private List<String> names(YamlNode node, Optional<String> step, String path, String what) {
    List<YamlNode> items = node instanceof YamlNode.Sequence list ? list.items() : List.of(node);
    List<String> names = new ArrayList<>();
    for (YamlNode item : items) {
      located(path, item, text(item, step, "a name in " + what)).ifPresent(names::add);
    }
    return names;
  }

  /** JSON-like values: scalars, lists and mappings; null is refused. */
  private List<Object> args(YamlNode node, Optional<String> step) {
    List<Object> args = new ArrayList<>();
    if (node instanceof YamlNode.Sequence list) {
      for (YamlNode item : list.items()) {
        value(item, step).ifPresent(args::add);
      }
    } else {
      structure(node.location(), step, "args must be a list, was " + node.shape());
    }
    return args;
  }

  private Optional<Object> value(YamlNode node, Optional<String> step) {
    if (node instanceof YamlNode.Scalar scalar) {
      if (scalar.value().isEmpty()) {
        structure(node.location(), step, "an arg must not be null; write a value or leave it out");
      }
      return scalar.value();
    }
    if (node instanceof YamlNode.Sequence list) {
      List<Object> values = new ArrayList<>();
      for (YamlNode item : list.items()) {
        values.add(value(item, step).orElse(""));
      }
      return Optional.of(List.copyOf(values));
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (YamlNode.Entry entry : ((YamlNode.Mapping) node).entries()) {
      values.put(entry.key(), value(entry.value(), step).orElse(""));
    }
    return Optional.of(Collections.unmodifiableMap(values));
  }

  /** Records where {@code value} was written, at {@code path} and at {@code path:value}. */
  private Optional<String> located(String path, YamlNode node, Optional<String> value) {
    value.ifPresent(v -> {
      locations.put(path, node.location());
      locations.put(path + ":" + v, node.location());
    });
    return value;
  }

  private Optional<YamlNode.Mapping> mapping(YamlNode node, Optional<String> step, String what) {
    if (node instanceof YamlNode.Mapping m) {
      return Optional.of(m);
    }
    structure(node.location(), step, what + " must be a mapping, was " + node.shape());
    return Optional.empty();
  }

  private Optional<String> text(YamlNode node, Optional<String> step, String what) {
    if (node instanceof YamlNode.Scalar s && s.value().isPresent()) {
      return Optional.of(s.text());
    }
    structure(node.location(), step, what + " must be a text, was " + quoted(node));
    return Optional.empty();
  }

  private Optional<Number> number(YamlNode node, Optional<String> step, String what) {
    if (node instanceof YamlNode.Scalar s && s.value().orElse(null) instanceof Number n) {
      return Optional.of(n);
    }
    structure(node.location(), step, what + " must be a number, was " + quoted(node));
    return Optional.empty();
  }

  private Optional<Boolean> bool(YamlNode node, Optional<String> step, String what) {
    if (node instanceof YamlNode.Scalar s && s.value().orElse(null) instanceof Boolean b) {
      return Optional.of(b);
    }
    structure(node.location(), step, what + " must be true or false, was " + quoted(node));
    return Optional.empty();
  }

  private static String describe(YamlNode node) {
    return node instanceof YamlNode.Scalar s ? s.text() : node.shape();
  }

  private static String quoted(YamlNode node) {
    return node instanceof YamlNode.Scalar ? "\"" + describe(node) + "\"" : node.shape();
  }

  /** Reports unknown and repeated keys; {@code where} names the mapping, e.g. "step \"head\"". */
  private void knownKeys(YamlNode.Mapping mapping, List<String> known, Optional<String> step, String where) {
    Set<String> seen = new HashSet<>();
    for (YamlNode.Entry entry : mapping.entries()) {
      if (!known.contains(entry.key())) {
        structure(entry.keyLocation(), step, "unknown key \"" + entry.key() + "\" in " + where + "; "
            + Names.suggest(entry.key(), known).map(s -> "did you mean \"" + s + "\"? ").orElse("")
            + "known keys: " + String.join(", ", known));
      } else if (!seen.add(entry.key())) {
        structure(entry.keyLocation(), step, "key \"" + entry.key() + "\" is repeated in " + where + "; keep one");
      }
    }
  }

  private void structure(SourceLocation at, Optional<String> step, String message) {
    problems.add(new YamlProblem(at, Messages.yamlStructure(step, message)));
  }
}
