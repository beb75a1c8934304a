package io.brokkr.runtime.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.util.ClassUtil;
import io.brokkr.runtime.TypeRef;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Args and results as JSON text: plain Jackson data binding, no default typing, so stored values
 * name no Java class and are safe to read back and portable to workers in other languages.
 */
final class Json {
  private final ObjectMapper mapper;
  /** Whether the mapper is Brokkr's default, which writes and reads plain values as {@link PlainJson} does. */
  private final boolean defaultMapper;
  /** Past this many readers their cache starts over (types made at run time would grow it). */
  private static final int MAX_READERS = 256;
  /** Declared types as resolved: a node starts templates of few types, again and again. */
  private final Map<String, Optional<JavaType>> declared = new ConcurrentHashMap<>();
  /** A reader per type asked for: making one finds its deserializer, which every read would repeat. */
  private final Map<Type, ObjectReader> readers = new ConcurrentHashMap<>();

  /** With the default mapper. */
  Json() {
    this(JsonMappers.of(Optional.empty(), List.of()), true);
  }

  /**
   * With {@code mapper}, which has no default typing (see {@link JsonMappers}).
   *
   * @param defaultMapper whether it is the default mapper, untouched by the application: strings, whole
   *     numbers and booleans are then written and read without it, as it would
   */
  Json(ObjectMapper mapper, boolean defaultMapper) {
    this.mapper = mapper;
    this.defaultMapper = defaultMapper;
  }

  /**
   * Encodes one value.
   *
   * @throws IllegalArgumentException naming {@code what} when the value cannot be encoded
   */
  public String encode(@Nullable Object value, Supplier<String> what) {
    String plain = defaultMapper ? PlainJson.write(value) : null;
    if (plain != null) {
      return plain;
    }
    try {
      // Written at once, not through a tree: the tree would be built, then written, for each value.
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw notEncodable(what.get(), value, e);
    }
  }

  /**
   * Encodes a list as a JSON array.
   *
   * @throws IllegalArgumentException naming the element ({@code what} of its index) that cannot be encoded
   */
  public String encodeList(List<?> values, IntFunction<String> what) {
    ArrayNode array = mapper.createArrayNode();
    for (int i = 0; i < values.size(); i++) {
      int index = i;
      array.add(tree(values.get(i), () -> what.apply(index)));
    }
    return array.toString();
  }

  /** Reads JSON text as a tree. */
  public JsonNode tree(String json) {
    try {
      return mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored value is not JSON: " + json, e);
    }
  }

  /** Reads JSON elements (those of an array, say) as plain values (String, Number, Boolean, List, Map, null). */
  public List<@Nullable Object> values(Iterable<JsonNode> elements) {
    List<@Nullable Object> values = new ArrayList<>();
    for (JsonNode element : elements) {
      values.add(value(element));
    }
    return Collections.unmodifiableList(values);
  }

  /** Reads JSON as a plain value. */
  public @Nullable Object value(JsonNode node) {
    return mapper.convertValue(node, Object.class);
  }

  /**
   * Reads JSON as {@code type}.
   *
   * @throws IllegalArgumentException naming {@code what} when it does not fit the type
   */
  public <T> T read(JsonNode node, Type type, Supplier<String> what) {
    ObjectReader reader = readerFor(type);
    try {
      return reader.readValue(node);
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw notReadable(what.get(), reader, e);
    }
  }

  /**
   * Reads JSON text as {@code type}, straight from the text: no tree is built first.
   *
   * @throws IllegalArgumentException naming {@code what} when it does not fit the type
   * @throws IllegalStateException when the text is not JSON (a stored value never is)
   */
  @SuppressWarnings("unchecked") // PlainJson reads only the very type asked for
  public <T> T read(String json, Type type, Supplier<String> what) {
    Object plain = plain(json, type);
    if (plain != null) {
      return (T) plain;
    }
    ObjectReader reader = readerFor(type);
    try {
      return reader.readValue(json);
    } catch (JsonParseException e) {
      throw new IllegalStateException("stored value is not JSON: " + json, e);
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw notReadable(what.get(), reader, e);
    }
  }

  /**
   * {@return JSON text read as {@code type} when it is a plain value (a string that escapes nothing,
   * a whole number, a boolean) read without Jackson, exactly as the default mapper reads it; null
   * otherwise, also for any text when the mapper is the application's}
   */
  public @Nullable Object plain(String json, Type type) {
    return defaultMapper ? PlainJson.read(json, type) : null;
  }

  /**
   * {@return the elements of a JSON array as text, for {@link #plain} to read, or null when the mapper
   * is the application's or the array is not one {@link PlainJson#elements} cuts}
   */
  public @Nullable List<String> elementsForPlain(String arrayJson) {
    return defaultMapper ? PlainJson.elements(arrayJson) : null;
  }

  /** Reads JSON texts (the results of a step's dependencies, say) as plain values, each straight from its text. */
  public List<@Nullable Object> valuesOf(List<String> texts) {
    List<@Nullable Object> values = new ArrayList<>(texts.size());
    for (String text : texts) {
      values.add(value(text));
    }
    return Collections.unmodifiableList(values);
  }

  /** Reads JSON text as a plain value (String, Number, Boolean, List, Map, null). */
  public @Nullable Object value(String json) {
    return read(json, Object.class, () -> "a value");
  }

  private ObjectReader readerFor(Type type) {
    ObjectReader reader = readers.get(type);
    if (reader == null) {
      reader = mapper.readerFor(mapper.getTypeFactory().constructType(type));
      if (readers.size() >= MAX_READERS) {
        readers.clear();
      }
      readers.put(type, reader);
    }
    return reader;
  }

  private static IllegalArgumentException notReadable(String what, ObjectReader reader, Exception cause) {
    return new IllegalArgumentException(what + " cannot be read as " + reader.getValueType().toCanonical() + ": "
        + cause.getMessage(), cause);
  }

  /**
   * Whether {@code value} can be read as the type a template declares ({@code int},
   * {@code java.util.List<com.acme.Part>}): it is an instance of it, or its JSON reads as it. True
   * when the type cannot be resolved here, as nothing can be said then.
   */
  public boolean fits(Object value, String declaredType) {
    Optional<JavaType> type = declared.computeIfAbsent(declaredType, t -> SourceTypes.resolve(t, mapper.getTypeFactory()));
    if (type.isEmpty() || type.get().isJavaLangObject()) {
      return true;
    }
    Class<?> raw = type.get().getRawClass();
    // An instance of a plain class fits; a generic one is read, so that its elements are checked too.
    if (type.get().containedTypeCount() == 0 && (raw.isPrimitive() ? ClassUtil.wrapperType(raw) : raw).isInstance(value)) {
      return true;
    }
    try {
      mapper.readerFor(type.get()).readValue(mapper.<JsonNode>valueToTree(value));
      return true;
    } catch (java.io.IOException | IllegalArgumentException e) {
      return false;
    }
  }

  /** {@link #read(JsonNode, Type, Supplier)} for a {@link TypeRef}. */
  public <T> T read(JsonNode node, TypeRef<T> type, Supplier<String> what) {
    return read(node, type.type(), what);
  }

  private JsonNode tree(@Nullable Object value, Supplier<String> what) {
    try {
      return mapper.valueToTree(value);
    } catch (IllegalArgumentException e) {
      throw notEncodable(what.get(), value, e);
    }
  }

  private static IllegalArgumentException notEncodable(String what, @Nullable Object value, Exception cause) {
    String type = value == null ? "null" : value.getClass().getName();
    return new IllegalArgumentException(what + " is not JSON-encodable (a " + type + "): "
        + cause.getMessage().lines().findFirst().orElse(""), cause);
  }
}
