package io.brokkr.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The ledger file of one process: one JSON line per event, appended and forced to disk before
 * {@link #append} returns, so an event written before a {@code kill -9} is never lost.
 */
public final class LedgerWriter implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FileChannel channel;
  private final String node;
  private final long pid = ProcessHandle.current().pid();

  private LedgerWriter(FileChannel channel, String node) {
    this.channel = channel;
    this.node = node;
  }

  /** Opens {@code <dir>/<node>-<pid>.jsonl} for appending. */
  public static LedgerWriter open(Path dir, String node) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(node + "-" + ProcessHandle.current().pid() + ".jsonl");
    return new LedgerWriter(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND), node);
  }

  /** The node id this ledger writes as. */
  public String node() {
    return node;
  }

  /** Appends an event stamped now, by this node and process. */
  public void append(String kind, String saga, String step, int attempt, String key, Boolean ok, String detail) {
    append(new LedgerEvent(System.currentTimeMillis(), node, pid, kind, saga, step, attempt, key, ok, detail));
  }

  /** Appends {@code event} and forces it to disk. */
  public synchronized void append(LedgerEvent event) {
    try {
      ByteBuffer line = ByteBuffer.wrap((JSON.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8));
      while (line.hasRemaining()) {
        channel.write(line);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the ledger", e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    channel.close();
  }
}
