package io.brokkr.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Every ledger file of a run, read back and merged in time order. */
public final class Ledger {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Ledger() {}

  /**
   * Reads every {@code .jsonl} file of {@code dir}. A torn last line (a process killed while
   * writing) is skipped: its event had not happened as far as the ledger is concerned.
   */
  public static List<LedgerEvent> read(Path dir) throws IOException {
    List<LedgerEvent> events = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          if (lines.get(i).isBlank()) {
            continue;
          }
          try {
            events.add(JSON.readValue(lines.get(i), LedgerEvent.class));
          } catch (IOException e) {
            if (i < lines.size() - 1) {
              throw new IOException(file + ":" + (i + 1) + ": not a ledger event", e);
            }
            // Only the last line of a killed process can be torn.
          }
        }
      }
    }
    events.sort(Comparator.comparingLong(LedgerEvent::t));
    return events;
  }
}
