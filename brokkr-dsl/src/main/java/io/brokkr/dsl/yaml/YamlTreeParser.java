package io.brokkr.dsl.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Reads the documents of a YAML text into {@link YamlNode} trees, iteratively, with locations. */
final class YamlTreeParser {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private YamlTreeParser() {}

  /** Thrown for text that is not well-formed YAML. */
  static final class SyntaxException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient SourceLocation location;

    SyntaxException(SourceLocation location, String message) {
      super(message);
      this.location = location;
    }

    SourceLocation location() {
      return location;
    }
  }

  /** The root node of every document, in order. */
  static List<YamlNode> parse(String file, String text) throws SyntaxException {
    List<YamlNode> documents = new ArrayList<>();
    try (JsonParser parser = FACTORY.createParser(text)) {
      // An explicit stack of open containers: deep YAML cannot overflow the Java stack.
      List<Open> open = new ArrayList<>();
      @Nullable String pendingKey = null;
      @Nullable SourceLocation pendingKeyLocation = null;
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        SourceLocation at = location(file, parser.currentTokenLocation());
        YamlNode done;
        switch (token) {
          case FIELD_NAME -> {
            pendingKey = parser.currentName();
            pendingKeyLocation = at;
            continue;
          }
          case START_OBJECT, START_ARRAY -> {
            open.add(new Open(token == JsonToken.START_OBJECT, at, pendingKey, pendingKeyLocation));
            pendingKey = null;
            continue;
          }
          case END_OBJECT, END_ARRAY -> {
            Open closed = open.remove(open.size() - 1);
            done = closed.node();
            pendingKey = closed.key;
            pendingKeyLocation = closed.keyLocation;
          }
          default -> done = new YamlNode.Scalar(at, scalar(parser, token));
        }
        if (open.isEmpty()) {
          documents.add(done);
        } else {
          open.get(open.size() - 1).add(pendingKey, pendingKeyLocation, done);
        }
        pendingKey = null;
      }
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      SourceLocation at = where == null ? new SourceLocation(file, 1, 1) : location(file, where);
      throw new SyntaxException(at, explanation(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new SyntaxException(new SourceLocation(file, 1, 1), e.getMessage());
    }
    return documents;
  }

  /** The parser's own words without its indented excerpts of the source, which the location replaces. */
  private static String explanation(String message) {
    String words = message.lines().filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
        .collect(java.util.stream.Collectors.joining("; "));
    return words.isEmpty() ? "unreadable text" : words;
  }

  private static Optional<Object> scalar(JsonParser parser, JsonToken token) throws IOException {
    return Optional.ofNullable(switch (token) {
      case VALUE_NUMBER_INT -> parser.getNumberValue();
      case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> parser.getText();
    });
  }

  private static SourceLocation location(String file, JsonLocation where) {
    return new SourceLocation(file, Math.max(1, where.getLineNr()), Math.max(1, where.getColumnNr()));
  }

  /** A mapping or list being read, and the key it will be stored under in its parent. */
  private static final class Open {
    final boolean mapping;
    final SourceLocation location;
    final @Nullable String key;
    final @Nullable SourceLocation keyLocation;
    final List<YamlNode.Entry> entries = new ArrayList<>();
    final List<YamlNode> items = new ArrayList<>();

    Open(boolean mapping, SourceLocation location, @Nullable String key, @Nullable SourceLocation keyLocation) {
      this.mapping = mapping;
      this.location = location;
      this.key = key;
      this.keyLocation = keyLocation;
    }

    void add(@Nullable String childKey, @Nullable SourceLocation childKeyLocation, YamlNode child) {
      if (mapping && childKey != null && childKeyLocation != null) {
        entries.add(new YamlNode.Entry(childKey, childKeyLocation, child));
      } else {
        items.add(child);
      }
    }

    YamlNode node() {
      return mapping ? new YamlNode.Mapping(location, List.copyOf(entries))
          : new YamlNode.Sequence(location, List.copyOf(items));
    }
  }
}
