package io.brokkr.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fenced code blocks of a Markdown text, each with the line of its first code line and the
 * {@code <!-- compiled: kind -->} marker on the last non-blank line before its fence, if any.
 */
final class ReadmeBlocks {
  private static final Pattern MARKER = Pattern.compile("<!-- compiled: (\\w+) -->");

  /** One fenced block: {@code line} is the 1-based line of its first code line. */
  record Block(int line, String language, Optional<String> marker, String code) {}

  private ReadmeBlocks() {}

  static List<Block> of(String markdown) {
    List<Block> blocks = new ArrayList<>();
    String[] lines = markdown.split("\n", -1);
    String lastText = "";
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (!line.startsWith("```")) {
        if (!line.isBlank()) {
          lastText = line.trim();
        }
        continue;
      }
      String language = line.substring(3).trim();
      StringBuilder code = new StringBuilder();
      int start = i + 1;
      for (i = start; i < lines.length && !lines[i].startsWith("```"); i++) {
        code.append(lines[i]).append('\n');
      }
      Matcher marker = MARKER.matcher(lastText);
      blocks.add(new Block(start + 1, language,
          marker.matches() ? Optional.of(marker.group(1)) : Optional.empty(), code.toString()));
      lastText = "";
    }
    return blocks;
  }

  static List<Block> java(String markdown) {
    return of(markdown).stream().filter(block -> block.language().equals("java")).toList();
  }
}
