package io.brokkr.maven.internal;

import java.util.ArrayList;
import java.util.List;

/** Keeps every line an engine logs, prefixed like Maven's console. */
final class RecordingLog implements BuildLog {
  final List<String> lines = new ArrayList<>();

  @Override
  public void error(String line) {
    lines.add("[ERROR] " + line);
  }

  @Override
  public void warn(String line) {
    lines.add("[WARNING] " + line);
  }

  @Override
  public void info(String line) {
    lines.add("[INFO] " + line);
  }
}
