package io.brokkr.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Runs {@code target/brokkr.jar} as a process, as an operator would. */
final class Cli {
  /** How long one command may take on a loaded machine before the test gives up on it. */
  static final Duration DEADLINE = Duration.ofSeconds(90);

  /**
   * A finished run.
   *
   * @param exitCode the process's exit code
   * @param out its stdout
   * @param err its stderr
   */
  record Run(int exitCode, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }

    List<String> outLines() {
      return out.lines().toList();
    }
  }

  private Cli() {}

  static Path jar() {
    Path jar = Path.of(System.getProperty("brokkr.cli.jar", "target/brokkr.jar"));
    assertTrue(Files.isRegularFile(jar), "no " + jar + ": the ITs run after the package phase");
    return jar;
  }

  /** Runs {@code brokkr args...} without a BROKKR_* variable and waits for it to end. */
  static Run run(String... args) {
    return run(Map.of(), args);
  }

  /** Runs {@code brokkr args...} with these environment variables and waits for it to end. */
  static Run run(Map<String, String> env, String... args) {
    Started started = start(env, args);
    try {
      if (!started.process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
        started.process.destroyForcibly();
        fail("brokkr " + String.join(" ", args) + " did not end within " + DEADLINE + "; stderr: " + started.err());
      }
      started.join();
      return new Run(started.process.exitValue(), String.join("\n", started.out) + (started.out.isEmpty() ? "" : "\n"),
          String.join("\n", started.err) + (started.err.isEmpty() ? "" : "\n"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } finally {
      started.process.destroyForcibly();
    }
  }

  /** Starts {@code brokkr args...} and returns at once; its output lines are collected as they come. */
  static Started start(Map<String, String> env, String... args) {
    return start(List.of("java", "-jar", jar().toString()), env, args);
  }

  static Started start(List<String> launcher, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(launcher);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(k -> k.startsWith("BROKKR_"));
    builder.environment().putAll(env);
    try {
      return new Started(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A running command: its stdout and stderr lines so far. */
  static final class Started implements AutoCloseable {
    final Process process;
    final List<String> out = Collections.synchronizedList(new ArrayList<>());
    final List<String> err = Collections.synchronizedList(new ArrayList<>());
    private final Thread outReader;
    private final Thread errReader;

    Started(Process process) {
      this.process = process;
      this.outReader = reader(process.inputReader(StandardCharsets.UTF_8), out);
      this.errReader = reader(process.errorReader(StandardCharsets.UTF_8), err);
    }

    private static Thread reader(BufferedReader reader, List<String> lines) {
      Thread thread = new Thread(() -> {
        try (reader) {
          for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lines.add(line);
          }
        } catch (IOException e) {
          // The process ended.
        }
      });
      thread.setDaemon(true);
      thread.start();
      return thread;
    }

    /** Waits until a line of {@code lines} matches, failing past the deadline or when the process ends first. */
    String await(List<String> lines, Predicate<String> wanted, String what) {
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (System.nanoTime() < deadline) {
        synchronized (lines) {
          for (String line : lines) {
            if (wanted.test(line)) {
              return line;
            }
          }
        }
        if (!process.isAlive() && !outReader.isAlive() && !errReader.isAlive()) {
          break;
        }
        try {
          process.waitFor(20, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
      throw new AssertionError("no line " + what + "; stdout: " + out + "; stderr: " + err);
    }

    String err() {
      return String.join("\n", err);
    }

    void join() throws InterruptedException {
      outReader.join(DEADLINE.toMillis());
      errReader.join(DEADLINE.toMillis());
    }

    @Override
    public void close() {
      process.destroyForcibly();
    }
  }
}
