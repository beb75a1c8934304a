package io.brokkr.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The exit codes of every command, as {@code --help} lists them. */
final class ExitCodes {
  static final int OK = 0;
  /** Not found, refused by Redis or the store, unreachable, or invalid input files. */
  static final int FAILED = 1;
  /** A usage error: an unknown option, a missing or malformed argument (picocli's code). */
  static final int USAGE = 2;

  /** The list every {@code --help} prints. */
  static final Map<String, String> HELP = helpList();

  private ExitCodes() {}

  private static Map<String, String> helpList() {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put(" " + OK, "ok");
    codes.put(" " + FAILED, "not found, refused, unreachable Redis, or invalid sagas");
    codes.put(" " + USAGE, "usage error: an unknown option, a missing or malformed argument");
    return Collections.unmodifiableMap(codes);
  }
}
