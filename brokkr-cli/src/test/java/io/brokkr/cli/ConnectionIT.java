package io.brokkr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.runtime.SagaOutcome;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How the CLI connects, and the one line each bad connection gets. */
class ConnectionIT {
  /** The README's ACL rule, for the namespace "forge". */
  static final String ACL = "ACL SETUSER smith on >s3cret resetkeys resetchannels ~{forge:* &{forge:* +@all -@dangerous";

  private static Forge forge;

  @BeforeAll
  static void start() throws Exception {
    forge = new Forge("forge");
    assertEquals("+OK\r\n", forge.server.command(ACL));
  }

  @AfterAll
  static void stop() {
    forge.close();
  }

  @Test
  void readsTheConnectionFromTheEnvironment() throws Exception {
    SagaOutcome outcome = forge.hammer("ThunderBestowed");
    Cli.Run run = Cli.run(Map.of("BROKKR_REDIS", forge.server.uri(), "BROKKR_NAMESPACE", "forge"), "show", outcome.sagaId());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("saga " + outcome.sagaId() + "  FINISHED"), run.out());
  }

  @Test
  void worksAsAnAclUserLimitedToTheNamespace() throws Exception {
    SagaOutcome outcome = forge.hammer("ThunderBestowed");
    Cli.Run run = Cli.run(Map.of("BROKKR_PASSWORD", "s3cret"),
        ShowIT.args(forge.connection(), "show", "--user", "smith", outcome.sagaId()));
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("saga " + outcome.sagaId() + "  FINISHED"), run.out());
  }

  @Test
  void aWrongPasswordIsOneLine() {
    Cli.Run run = Cli.run(ShowIT.args(forge.connection(), "show", "--user", "smith", "--password", "wrong", "any"));
    assertEquals(1, run.exitCode());
    assertEquals(List.of("brokkr: Redis at " + forge.server.uri() + ": the user or password was refused (WRONGPASS);"
        + " check --user and --password (or BROKKR_USER, BROKKR_PASSWORD)"), run.errLines());
    assertEquals("", run.out());
  }

  @Test
  void anAclUserOfAnotherNamespaceIsRefused() {
    Cli.Run run = Cli.run(Map.of("BROKKR_PASSWORD", "s3cret"),
        "show", "--redis", forge.server.uri(), "--namespace", "other", "--user", "smith", "any");
    assertEquals(1, run.exitCode());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(run.err().startsWith("brokkr: the ACL user may not do this (NOPERM)"), run.err());
  }

  @Test
  void anUnreachableRedisIsOneLine() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String url = "redis://127.0.0.1:" + port;
    Cli.Run run = Cli.run("show", "--redis", url, "some-saga");
    assertEquals(1, run.exitCode());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(run.err().startsWith("brokkr: cannot connect to Redis at " + url + ": Connection refused"), run.err());
  }

  @Test
  void verboseShowsTheStackTrace() {
    Cli.Run run = Cli.run(ShowIT.args(forge.connection(), "show", "--verbose", "--user", "smith", "--password", "wrong", "any"));
    assertEquals(1, run.exitCode());
    assertTrue(run.errLines().get(0).startsWith("brokkr: Redis at "), run.err());
    assertTrue(run.err().contains("\tat io.brokkr.cli.Connection"), run.err());
  }

  @Test
  void aMalformedUrlIsAUsageError() {
    Cli.Run run = Cli.run("show", "--redis", "localhost:6379", "some-saga");
    assertEquals(2, run.exitCode());
    assertEquals(List.of("brokkr show: Invalid value for option '--redis': \"localhost:6379\" is not a Redis URL: it must"
        + " start with redis:// or rediss://; write redis://HOST:PORT, or rediss://HOST:PORT for TLS"
        + " (see brokkr show --help)"), run.errLines());
    Cli.Run noPort = Cli.run(Map.of("BROKKR_REDIS", "redis://127.0.0.1"), "show", "some-saga");
    assertEquals(2, noPort.exitCode());
    assertTrue(noPort.err().contains("it names no port"), noPort.err());
    assertFalse(noPort.err().contains("\tat "), noPort.err());
  }
}
