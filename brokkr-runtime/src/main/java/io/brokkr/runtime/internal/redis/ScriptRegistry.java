package io.brokkr.runtime.internal.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The scripts' texts and SHA-1 digests, read from the resources once. A transition script is its
 * shebang line, the shared library (without the functions its body does not reach, see
 * {@link LibraryCut}), then its body: Lua code only; values never go into the text.
 */
final class ScriptRegistry {
  private final Map<Script, String> sources = new EnumMap<>(Script.class);
  private final Map<Script, String> shas = new EnumMap<>(Script.class);

  ScriptRegistry() {
    StringBuilder library = new StringBuilder();
    Script.LIBRARY.forEach(file -> library.append(read(file)).append('\n'));
    for (Script script : Script.values()) {
      String body = read(script.resource());
      String source = body;
      if (script.usesLibrary()) {
        int firstLine = body.indexOf('\n') + 1;
        source = body.substring(0, firstLine) + LibraryCut.forBody(library.toString(), body.substring(firstLine))
            + body.substring(firstLine);
      }
      sources.put(script, source);
      shas.put(script, sha1(source));
    }
  }

  String sha(Script script) {
    return shas.get(script);
  }

  String source(Script script) {
    return sources.get(script);
  }

  /** Loads every script into the script cache of every master (Redisson sends SCRIPT LOAD to all). */
  void load(RedissonClient client) {
    RScript scripts = client.getScript(StringCodec.INSTANCE);
    for (Script script : Script.values()) {
      String loaded = scripts.scriptLoad(sources.get(script));
      if (!loaded.equalsIgnoreCase(shas.get(script))) {
        throw new IllegalStateException("Redis answered SCRIPT LOAD of " + script.resource() + " with SHA " + loaded
            + ", expected " + shas.get(script));
      }
    }
  }

  private static String read(String resource) {
    try (InputStream in = ScriptRegistry.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing script resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read script resource " + resource, e);
    }
  }

  private static String sha1(String source) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every Java platform", e);
    }
  }
}
