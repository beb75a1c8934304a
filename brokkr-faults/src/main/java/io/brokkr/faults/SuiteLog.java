package io.brokkr.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends the suite process's own runtime log (warnings of failed sweeps and reconnects, expected
 * under faults) to a file of the work folder, so the console shows what the suite did.
 */
final class SuiteLog {
  private SuiteLog() {}

  static void toFile(Path file) throws IOException {
    Logger root = Logger.getLogger("");
    for (Handler handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    FileHandler handler = new FileHandler(file.toString(), true);
    handler.setFormatter(new SimpleFormatter());
    root.addHandler(handler);
  }
}
