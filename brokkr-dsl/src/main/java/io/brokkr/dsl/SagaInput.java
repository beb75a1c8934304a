package io.brokkr.dsl;

import java.util.Objects;

/**
 * A value a saga needs when it starts, passed to the steps that name it in their inputs.
 *
 * @param name the input's name, unique within the saga
 * @param type the Java type of the value, as written in source (e.g. {@code String},
 *     {@code java.util.List<com.acme.Part>}); used for code generation
 */
public record SagaInput(String name, String type) {

  /** The type of an input that declares none. */
  public static final String ANY_TYPE = "java.lang.Object";

  /**
   * Checks that no component is null.
   *
   * @param name the input's name, unique within the saga
   * @param type the Java type of the value, as written in source; {@link #ANY_TYPE} when it declares none
   */
  public SagaInput {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
