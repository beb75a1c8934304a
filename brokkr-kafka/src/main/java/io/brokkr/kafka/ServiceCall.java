package io.brokkr.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokkr.runtime.TypeRef;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Objects;

/** One request as a {@link StepFunction} sees it: its values read as the function's types. */
public final class ServiceCall {
  private final StepRequest request;
  private final ObjectMapper mapper;

  /**
   * Over a request, reading its JSON with {@code mapper}.
   *
   * @param request the request envelope
   * @param mapper the service's Jackson mapper
   */
  public ServiceCall(StepRequest request, ObjectMapper mapper) {
    this.request = Objects.requireNonNull(request, "request");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  /** {@return the request envelope as it came} */
  public StepRequest request() {
    return request;
  }

  /** {@return the step's key for side effects, the same on every attempt ({@code sagaId:stepId})} */
  public String idempotencyKey() {
    return request.idempotencyKey();
  }

  /** {@return the attempt number, from 1} */
  public int attempt() {
    return request.attempt();
  }

  /**
   * {@return for a compensator: whether the compensated step is possibly done and its result unknown}
   * Ask the service by the compensated step's idempotency key what was done.
   */
  public boolean compensatedResultUnknown() {
    return request.compensatedResultUnknown();
  }

  /**
   * {@return arg {@code index}, read as {@code type}}
   *
   * @param <T> the type to read
   * @param index the arg's position, from 0
   * @param type the class to read it as
   * @throws IndexOutOfBoundsException when there is no such arg
   * @throws IllegalArgumentException when it cannot be read as {@code type}
   */
  public <T> T arg(int index, Class<T> type) {
    return read(request.args(), "arg", index, type);
  }

  /**
   * {@return arg {@code index}, read as a generic type}
   *
   * @param <T> the type to read
   * @param index the arg's position, from 0
   * @param type the type to read it as, e.g. {@code new TypeRef<List<Part>>() {}}
   * @throws IndexOutOfBoundsException when there is no such arg
   * @throws IllegalArgumentException when it cannot be read as {@code type}
   */
  public <T> T arg(int index, TypeRef<T> type) {
    return read(request.args(), "arg", index, type.type());
  }

  /**
   * {@return the result of dependency {@code index} (in declared order), read as {@code type}}
   *
   * @param <T> the type to read
   * @param index the dependency's position, from 0
   * @param type the class to read it as
   * @throws IndexOutOfBoundsException when there is no such dependency
   * @throws IllegalArgumentException when it cannot be read as {@code type}
   */
  public <T> T dependencyResult(int index, Class<T> type) {
    return read(request.dependencyResults(), "dependency result", index, type);
  }

  /**
   * {@return the result of dependency {@code index}, read as a generic type}
   *
   * @param <T> the type to read
   * @param index the dependency's position, from 0
   * @param type the type to read it as
   * @throws IndexOutOfBoundsException when there is no such dependency
   * @throws IllegalArgumentException when it cannot be read as {@code type}
   */
  public <T> T dependencyResult(int index, TypeRef<T> type) {
    return read(request.dependencyResults(), "dependency result", index, type.type());
  }

  private <T> T read(List<JsonNode> values, String kind, int index, Type type) {
    if (index < 0 || index >= values.size()) {
      throw new IndexOutOfBoundsException("step \"" + request.stepId() + "\" has " + values.size() + " " + kind
          + "s; there is no " + kind + " " + index);
    }
    return mapper.convertValue(values.get(index), mapper.constructType(type));
  }

  @Override
  public String toString() {
    return "ServiceCall " + request.worker() + " " + request.idempotencyKey() + " attempt " + request.attempt();
  }
}
