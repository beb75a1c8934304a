package io.brokkr.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.PrintWriter;

/** Where a command prints: text, coloured or not, or JSON (an empty {@code Optional} is {@code null}). */
final class Output {
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module())
      .enable(SerializationFeature.INDENT_OUTPUT);

  private final PrintWriter out;
  private final boolean json;
  private final boolean color;

  Output(PrintWriter out, boolean json, boolean color) {
    this.out = out;
    this.json = json;
    this.color = color;
  }

  /** Colour only on a terminal, and never with {@code --no-color}. */
  static boolean colorWanted(boolean noColor) {
    return !noColor && System.console() != null;
  }

  boolean json() {
    return json;
  }

  /** The text in that style, when the output is coloured. */
  String paint(Style style, String text) {
    return color ? style.apply(text) : text;
  }

  void println(String line) {
    out.println(line);
  }

  /** One JSON document, indented. */
  void printJson(Object value) throws JsonProcessingException {
    out.println(JSON.writeValueAsString(value));
  }

  /** One JSON document on one line, flushed: a stream of events, one per line. */
  void printJsonLine(Object value) throws JsonProcessingException {
    out.println(JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value));
    out.flush();
  }

  void flush() {
    out.flush();
  }
}
