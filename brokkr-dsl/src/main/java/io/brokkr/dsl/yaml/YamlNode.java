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

  /** A scalar; {@code value} is a String, Integer, Long, BigInteger, Double, Boolean, or empty for null. */
  record Scalar(SourceLocation location, Optional<Object> value) implements YamlNode {
    @Override
    public String shape() {
      return "a scalar";
    }

    /** The scalar as text, as written. */
    String text() {
      return value.map(String::valueOf).orElse("null");
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
