package io.brokkr.runtime.internal;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.Optional;

/**
 * The node's Jackson mapper: the user's (copied) or a default one, always with {@code java.time} and
 * {@code Optional} support, and never with default typing (stored values must name no Java class).
 */
public final class JsonMappers {
  private JsonMappers() {}

  /**
   * The mapper a node uses: a copy of {@code user} or the default, with the JDK 8 and {@code java.time}
   * modules (ignored when the user registered them already) and then {@code modules}.
   *
   * @throws IllegalArgumentException when the mapper has default typing activated
   */
  public static ObjectMapper of(Optional<ObjectMapper> user, List<Module> modules) {
    ObjectMapper mapper = user.map(JsonMappers::requireNoDefaultTyping).map(ObjectMapper::copy)
        .orElseGet(JsonMappers::defaults);
    mapper.registerModule(new Jdk8Module()).registerModule(new JavaTimeModule());
    modules.forEach(mapper::registerModule);
    return requireNoDefaultTyping(mapper);
  }

  /** The default mapper: dates and durations as ISO-8601 text, readable in any language. */
  static ObjectMapper defaults() {
    return JsonMapper.builder()
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .build();
  }

  /**
   * {@code mapper}, checked.
   *
   * @throws IllegalArgumentException when it has default typing activated
   */
  public static ObjectMapper requireNoDefaultTyping(ObjectMapper mapper) {
    if (mapper.getSerializationConfig().getDefaultTyper(null) != null
        || mapper.getDeserializationConfig().getDefaultTyper(null) != null) {
      throw new IllegalArgumentException("the ObjectMapper " + mapper + " has default typing activated: Brokkr "
          + "stores plain JSON that names no Java class (safe to read back, portable to other languages); "
          + "use a mapper without activateDefaultTyping / enableDefaultTyping");
    }
    return mapper;
  }
}
