package io.brokkr.runtime.internal.redis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of the shared library one script needs: its top-level statements, and the top-level
 * functions its body reaches, directly or through other functions. Redis runs a script's whole text
 * at every call, and making a function costs each call (a closure and its upvalues: the library's
 * definitions are about a third of the instructions of a claim or a finish); a script leaves out the
 * functions it never calls.
 *
 * <p>A function is a line {@code local function name(} at the start of a line up to the first line
 * that is exactly {@code end}, the library's style. A name counts as reached wherever it appears
 * in reached text, comments and strings included: a stray mention keeps a function it need not,
 * never the other way round.
 */
final class LibraryCut {
  private static final Pattern FUNCTION = Pattern.compile("^local function ([A-Za-z_][A-Za-z0-9_]*)\\(");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private record Chunk(String function, String text) {}

  private LibraryCut() {}

  /** The library's text without the functions that body does not reach, in the library's order. */
  static String forBody(String library, String body) {
    List<Chunk> chunks = chunks(library);
    Set<String> reached = names(body);
    chunks.stream().filter(c -> c.function().isEmpty()).forEach(c -> reached.addAll(names(c.text())));
    Set<String> kept = new HashSet<>();
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Chunk chunk : chunks) {
        if (!chunk.function().isEmpty() && reached.contains(chunk.function()) && kept.add(chunk.function())) {
          reached.addAll(names(chunk.text()));
          grew = true;
        }
      }
    }
    StringBuilder out = new StringBuilder(library.length());
    for (Chunk chunk : chunks) {
      if (chunk.function().isEmpty() || kept.contains(chunk.function())) {
        out.append(chunk.text());
      }
    }
    return out.toString();
  }

  private static List<Chunk> chunks(String library) {
    List<Chunk> chunks = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    String function = "";
    for (String line : library.split("(?<=\n)")) {
      Matcher start = FUNCTION.matcher(line);
      if (function.isEmpty() && start.find()) {
        chunks.add(new Chunk("", text.toString()));
        text.setLength(0);
        function = start.group(1);
      }
      text.append(line);
      if (!function.isEmpty() && line.strip().equals("end") && !Character.isWhitespace(line.charAt(0))) {
        chunks.add(new Chunk(function, text.toString()));
        text.setLength(0);
        function = "";
      }
    }
    // An unterminated function (not the library's style) is kept whole, as plain text.
    chunks.add(new Chunk("", text.toString()));
    return chunks;
  }

  private static Set<String> names(String text) {
    Set<String> names = new HashSet<>();
    Matcher m = NAME.matcher(text);
    while (m.find()) {
      names.add(m.group());
    }
    return names;
  }
}
