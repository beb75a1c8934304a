package io.brokkr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An operator's session on a Redis Cluster of three masters, from the CLI alone: the FAILED sagas
 * of the last hour, why each failed, a retry and a resolve, a cancel, and the stranded worker.
 */
class ClusterIT {
  private static Forge forge;

  @BeforeAll
  static void start() throws Exception {
    forge = Forge.onCluster("cluster");
  }

  @AfterAll
  static void stop() {
    forge.close();
  }

  private static Cli.Run run(String... args) {
    Cli.Run run = Cli.run(ShowIT.args(forge.connection(), args));
    assertEquals(0, run.exitCode(), String.join(" ", args) + ": " + run.err());
    return run;
  }

  @Test
  void anOperatorFindsRetriesResolvesAndCancelsSagasOnACluster() throws Exception {
    Saga retried = forge.failedRefund();
    Saga resolved = forge.failedRefund();
    SagaOutcome finished = forge.hammer("steel");
    Saga waiting = forge.waiting();

    List<String> failed = run("list", "--status", "FAILED", "--since", "1h").outLines();
    assertEquals(3, failed.size(), String.join("\n", failed));
    assertTrue(failed.stream().anyMatch(l -> l.startsWith(retried.getId() + " ")), String.join("\n", failed));
    assertTrue(failed.stream().anyMatch(l -> l.startsWith(resolved.getId() + " ")), String.join("\n", failed));
    String why = run("show", retried.getId()).out();
    assertTrue(why.contains("IllegalStateException: the bank is down"), why);

    forge.refundsBroken.set(false);
    try {
      run("retry", retried.getId());
      assertEquals(SagaStatus.COMPENSATED, retried.getOutcome().get(30, TimeUnit.SECONDS).status());
    } finally {
      forge.refundsBroken.set(true);
    }
    run("resolve", resolved.getId(), resolved.getSteps().get(0).getId(), "--note", "refunded by hand");
    assertEquals(SagaStatus.COMPENSATED, resolved.getOutcome().get(30, TimeUnit.SECONDS).status());
    run("cancel", waiting.getId(), "--reason", "withdrawn");
    assertEquals(SagaStatus.COMPENSATED, waiting.getOutcome().get(30, TimeUnit.SECONDS).status());

    assertEquals(List.of("no sagas match in namespace \"cluster\""),
        run("list", "--status", "FAILED", "--since", "1h").outLines(), "nothing is left FAILED");
    assertTrue(run("history", retried.getId()).out().contains("retry"), "the retry is in the history");
    assertTrue(run("show", finished.sagaId()).out().contains("FINISHED"));
    Saga stranded = forge.waiting();
    String strandedOut = run("stranded").out();
    assertTrue(strandedOut.contains("Tempering"), strandedOut);
    run("cancel", stranded.getId(), "--reason", "cleanup");
  }
}
