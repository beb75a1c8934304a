package io.brokkr.runtime.internal.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.redisson.api.RFunction;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scripts' texts and SHA-1 digests, read from the resources once, and the transition scripts as
 * one Redis Functions library. A transition script is its shebang line, the shared library (without
 * the functions its body does not reach, see {@link LibraryCut}), a call to {@code begin}, then its
 * body: Lua code only; values never go into the text. In the Functions library the shared library
 * is defined once, when loaded, and each transition is a function that begins and runs its body:
 * a call no longer pays for defining the library's functions.
 */
final class ScriptRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(ScriptRegistry.class);
  /** What every transition runs first: the call's keys and arguments, and fresh state. */
  private static final String BEGIN = "begin(KEYS, ARGV)\n";
  /**
   * The body of {@link #finishManyFunction()}: the finish (as {@code finish_one}) once a finish it
   * carries, in a batch (common.lua): its finishes read the server's time and their partition's ready
   * sequence once, not once each.
   */
  private static final String FINISH_MANY = """
        batch_open()
        local replies, k, a = {}, 1, 2
        for i = 1, tonumber(ARGV[1]) do
          local nk, na = tonumber(ARGV[a]), tonumber(ARGV[a + 1])
          replies[i] = finish_one({ unpack(KEYS, k, k + nk - 1) }, { unpack(ARGV, a + 2, a + 1 + na) })
          k, a = k + nk, a + 2 + na
        end
        batch_close()
        return replies
      """;
  /** What every other function of the library runs first: a batch is finish_many's alone (common.lua). */
  private static final String OUTSIDE_BATCH = "batch_close()\n";

  private final Map<Script, String> sources = new EnumMap<>(Script.class);
  private final Map<Script, String> shas = new EnumMap<>(Script.class);
  /** The Functions library's name: the digest of its code, so that two versions of Brokkr never share one. */
  private final String libraryName;
  private final String functionLibrary;

  /**
   * {@return the registry every store of this JVM shares} Its texts are constants, and cutting the
   * library for each script costs a fresh JVM about a quarter of a second of CPU: made once.
   */
  static ScriptRegistry shared() {
    return Shared.REGISTRY;
  }

  private static final class Shared {
    static final ScriptRegistry REGISTRY = new ScriptRegistry();
  }

  private ScriptRegistry() {
    StringBuilder library = new StringBuilder();
    Script.LIBRARY.forEach(file -> library.append(read(file)).append('\n'));
    Map<Script, String> bodies = new EnumMap<>(Script.class);
    for (Script script : Script.values()) {
      String body = read(script.resource());
      String source = body;
      if (script.usesLibrary()) {
        int firstLine = body.indexOf('\n') + 1;
        String rest = BEGIN + body.substring(firstLine);
        bodies.put(script, rest);
        source = body.substring(0, firstLine) + LibraryCut.forBody(library.toString(), rest) + rest;
      }
      sources.put(script, source);
      shas.put(script, sha1(source));
    }
    this.libraryName = "brokkr_" + sha1(library + String.join("\n", bodies.values()) + FINISH_MANY).substring(0, 16);
    StringBuilder functions = new StringBuilder(library);
    bodies.forEach((script, body) -> {
      if (script == Script.FINISH) {
        // A local function of its own, which finish_many calls once a finish: the body is in the library once.
        functions.append("local function finish_one(KEYS, ARGV)\n").append(body).append("\nend\n")
            .append("redis.register_function('").append(function(script)).append("', function(KEYS, ARGV)\n")
            .append(OUTSIDE_BATCH).append("return finish_one(KEYS, ARGV)\nend)\n");
      } else {
        functions.append("redis.register_function('").append(function(script))
            .append("', function(KEYS, ARGV)\n").append(OUTSIDE_BATCH).append(body).append("\nend)\n");
      }
    });
    functions.append("redis.register_function('").append(finishManyFunction()).append("', function(KEYS, ARGV)\n")
        .append(FINISH_MANY).append("end)\n");
    this.functionLibrary = functions.toString();
  }

  /**
   * {@return the name of the library's function that runs several finishes in one call} Its first
   * argument is their count, then for each its number of keys, its number of arguments and its
   * arguments; its keys are every finish's keys in turn; it answers their replies in order.
   */
  String finishManyFunction() {
    return function(Script.FINISH) + "_many";
  }

  /** {@return the name of the Functions library's function that runs {@code script}, a transition} */
  String function(Script script) {
    return libraryName + "_" + script.name().toLowerCase(Locale.ROOT);
  }

  String sha(Script script) {
    return shas.get(script);
  }

  String source(Script script) {
    return sources.get(script);
  }

  /**
   * Loads the scripts into the script cache of every master (Redisson sends SCRIPT LOAD to all) and,
   * when {@code functions}, the Functions library into every master. A store that opens loads only
   * what Redis lacks, most often nothing (loading all sent some 30 scripts and compiled the library
   * again: about 4 ms of Redis's time and 20 ms of the caller's, paid by every node start and CLI
   * command); after Redis answered that it lost them, {@code everything} loads all again, whatever
   * one master says.
   *
   * @return whether the Functions library is loaded: false when not asked to, or when a master refused
   *     FUNCTION LOAD (Redis before 7, a proxy or an ACL that does not allow it); the scripts serve then
   */
  boolean load(RedissonClient client, boolean functions, boolean everything) {
    RScript scripts = client.getScript(StringCodec.INSTANCE);
    Script[] all = Script.values();
    // SCRIPT EXISTS goes to every master; a script counts as there when every master has it.
    List<Boolean> cached = everything ? List.of() : scripts.scriptExists(shasOf(all));
    for (int i = 0; i < all.length; i++) {
      if (everything || !cached.get(i)) {
        scriptLoad(scripts, all[i]);
      }
    }
    if (!functions) {
      return false;
    }
    try {
      RFunction library = client.getFunction(StringCodec.INSTANCE);
      // FUNCTION LIST asks one master; one that lacks the library answers "Function not found" and
      // the call that meets it loads everything.
      if (everything || library.list(libraryName).isEmpty()) {
        library.loadAndReplace(libraryName, functionLibrary);
      }
      return true;
    } catch (RedisException e) {
      LOG.warn("Redis refused to load Brokkr's transitions as a Functions library (" + e.getMessage()
          + "); calling them as scripts (EVALSHA) instead, which costs Redis more per call");
      return false;
    }
  }

  private String[] shasOf(Script[] scripts) {
    String[] digests = new String[scripts.length];
    for (int i = 0; i < scripts.length; i++) {
      digests[i] = shas.get(scripts[i]);
    }
    return digests;
  }

  private void scriptLoad(RScript scripts, Script script) {
    String loaded = scripts.scriptLoad(sources.get(script));
    if (!loaded.equalsIgnoreCase(shas.get(script))) {
      throw new IllegalStateException("Redis answered SCRIPT LOAD of " + script.resource() + " with SHA " + loaded
          + ", expected " + shas.get(script));
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
