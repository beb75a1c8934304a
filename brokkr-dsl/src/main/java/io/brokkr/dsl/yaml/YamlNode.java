package io.brokkr.dsl.yaml;

import java.util.List;
import java.util.Optional;

/**
 * A YAML node that remembers where it was written, which Jackson's own tree does not. Mappings keep
 * repeated keys, so that a repeated step is reported rather than silently dropped.
 */
sealed interface YamlNode {

  SourceLocation location();

  /** A word for the node's shape, used in messages: "a mapping", "a list", "a scalar". */
  String shape();

  /**
   * A scalar: {@code value} is what YAML makes of it (a String, Integer, Long, BigInteger, Double,
   * Boolean, or empty for null), {@code text} is how it was written. Names and types are read from
   * the text, so that a step named {@code on} or {@code 1e3} stays that name.
   */
  record Scalar(SourceLocation location, Optional<Object> value, String text) implements YamlNode {
    @Override
    public String shape() {
      return "a scalar";
    }
  }

  /** A list of nodes. */
  record Sequence(SourceLocation location, List<YamlNode> items) implements YamlNode {
    @Override
    public String shape() {
      return "a list";
    }
  }

  /** A mapping, entries in written order, repeated keys included. */
  record Mapping(SourceLocation location, List<Entry> entries) implements YamlNode {
    @Override
    public String shape() {
      return "a mapping";
    }

    /** The first entry of that key. */
    Optional<Entry> entry(String key) {
      return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }
  }

  /** One key and its value. */
  record Entry(String key, SourceLocation keyLocation, YamlNode value) {}
}
