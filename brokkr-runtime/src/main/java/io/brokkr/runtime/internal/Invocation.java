package io.brokkr.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.StepContext;
import io.brokkr.runtime.StepInvocation;
import io.brokkr.runtime.TypeRef;
import io.brokkr.runtime.spi.Claim;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a worker receives for one attempt, read from the claim's JSON. */
final class Invocation implements StepInvocation {
  /** {@link #argTexts} when the args are read from their trees alone: told apart by identity. */
  private static final List<String> NOT_CUT = Collections.unmodifiableList(new ArrayList<>(0));

  private final StepContext context;
  private final Saga saga;
  private final Json json;
  private final String argsJson;
  /**
   * The args as trees, read at the first ask: many workers read none (a join reads its dependencies'
   * results). An immutable list, so that a worker's other thread sees it whole or reads it again.
   */
  private @Nullable List<JsonNode> argTrees;
  /**
   * The args as the texts of the array's elements, cut at the first ask (null until then), or {@link
   * #NOT_CUT} (the application's mapper, or an array {@link PlainJson#elements} does not cut): a plain
   * value (a string, a whole number, a boolean) is read straight from its text, without a parser and a
   * tree; anything else from the trees. Immutable, as {@link #argTrees}.
   */
  private @Nullable List<String> argTexts;
  /** As JSON text: each is read when asked, as the type the worker asks, without a tree in between. */
  private final List<String> dependencyResults;
  private final boolean resultUnknown;
  private final long fencingToken;

  Invocation(Claim claim, Saga saga, Json json) {
    this.context = new StepContext(claim.step().sagaId(), claim.step().stepId(), claim.step().attempt());
    this.saga = saga;
    this.json = json;
    this.argsJson = claim.step().spec().argsJson();
    this.dependencyResults = claim.dependencyResultsJson();
    this.resultUnknown = claim.step().isCompensator() && claim.step().possiblyDone();
    this.fencingToken = claim.lease().token();
  }

  @Override
  public long fencingToken() {
    return fencingToken;
  }

  @Override
  public StepContext context() {
    return context;
  }

  @Override
  public boolean compensatedResultUnknown() {
    return resultUnknown;
  }

  @Override
  public Saga saga() {
    return saga;
  }

  @Override
  public List<@Nullable Object> args() {
    return json.values(argTrees());
  }

  @Override
  public <T> T arg(int index, Class<T> type) {
    return arg(index, (Type) type);
  }

  @Override
  public <T> T arg(int index, TypeRef<T> type) {
    return arg(index, type.type());
  }

  @Override
  public List<@Nullable Object> dependencyResults() {
    return json.valuesOf(dependencyResults);
  }

  @Override
  public <T> T dependencyResult(int index, Class<T> type) {
    return dependencyResult(index, (Type) type);
  }

  @Override
  public <T> T dependencyResult(int index, TypeRef<T> type) {
    return dependencyResult(index, type.type());
  }

  @SuppressWarnings("unchecked") // a plain value is read only as the very type asked for
  private <T> T arg(int index, Type type) {
    List<String> texts = argTexts();
    if (texts != NOT_CUT) {
      checkIndex(texts, "arg", index);
      Object plain = json.plain(texts.get(index), type);
      if (plain != null) {
        return (T) plain;
      }
    }
    return read(argTrees(), "arg", index, type);
  }

  private List<String> argTexts() {
    List<String> cut = argTexts;
    if (cut == null) {
      List<String> elements = json.elementsForPlain(argsJson);
      cut = elements == null ? NOT_CUT : elements;
      argTexts = cut;
    }
    return cut;
  }

  private List<JsonNode> argTrees() {
    List<JsonNode> read = argTrees;
    if (read == null) {
      List<JsonNode> elements = new ArrayList<>();
      json.tree(argsJson).forEach(elements::add);
      read = List.copyOf(elements);
      argTrees = read;
    }
    return read;
  }

  private <T> T dependencyResult(int index, Type type) {
    checkIndex(dependencyResults, "dependency result", index);
    return json.read(dependencyResults.get(index), type, () -> what("dependency result", index));
  }

  private <T> T read(List<JsonNode> values, String kind, int index, Type type) {
    checkIndex(values, kind, index);
    return json.read(values.get(index), type, () -> what(kind, index));
  }

  private void checkIndex(List<?> values, String kind, int index) {
    if (index < 0 || index >= values.size()) {
      throw new IndexOutOfBoundsException("step \"" + context.stepId() + "\" has " + values.size() + " " + kind
          + "s; there is no " + kind + " " + index);
    }
  }

  private String what(String kind, int index) {
    return kind + " " + index + " of step \"" + context.stepId() + "\"";
  }
}
