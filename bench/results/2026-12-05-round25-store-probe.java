// Twenty-fifth round: the in-memory store's own cost per hammer saga, its SPI called from one thread.
// java -Xms4g -Xmx4g -cp brokkr-runtime/target/classes:$(cat /tmp/cp.txt) bench/results/2026-12-05-round25-store-probe.java 100000 [listen]
import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.InMemoryBackend;
import io.brokkr.runtime.spi.*;
import java.time.*;
import java.util.*;

/** The in-memory store's own cost per hammer saga: one thread, its SPI calls only (no engine, no workers). */
public class StoreProbe {
  public static void main(String[] a) throws Exception {
    int n = Integer.parseInt(a[0]);
    boolean listen = a.length > 1 && a[1].equals("listen");
    SagaStore store = InMemoryBackend.create().open("probe", Clock.systemUTC());
    long[] events = new long[1];
    if (listen) store.subscribe(e -> events[0]++);
    for (int round = 0; round < 8; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) saga(store, "r" + round + "-" + i);
      long t = System.nanoTime() - t0;
      System.out.printf("round %d: %.2f us/saga%n", round, t / 1e3 / n);
    }
    System.out.println("events " + events[0]);
  }

  static final Duration LEASE = Duration.ofSeconds(30);

  static void saga(SagaStore store, String id) {
    StepSpec head = new StepSpec("head", "w", List.of(), "[1]", RetryPolicy.NO_RETRY, Optional.empty());
    StepSpec handle = new StepSpec("handle", "w", List.of(), "[2]", RetryPolicy.NO_RETRY, Optional.empty());
    StepSpec hammer = new StepSpec("hammer", "w", List.of("head", "handle"), "[]", RetryPolicy.NO_RETRY, Optional.empty());
    StepSpec undo = new StepSpec("undo-hammer", "u", List.of(), "[]", RetryPolicy.NO_RETRY, Optional.empty());
    store.createAndStart(new SagaDraft(id, List.of(head, handle, hammer), Map.of("hammer", undo)));
    Instant now = Instant.now();
    Claim c1 = store.claimNext("w", "n", now, LEASE).orElseThrow();
    Claim c2 = store.claimNext("w", "n", now, LEASE).orElseThrow();
    store.finish(c1.step().ref(), Settler.attempt(c1.lease().token()), Optional.of("1"));
    store.finish(c2.step().ref(), Settler.attempt(c2.lease().token()), Optional.of("2"));
    Claim c3 = store.claimNext("w", "n", now, LEASE).orElseThrow();
    store.finish(c3.step().ref(), Settler.attempt(c3.lease().token()), Optional.of("3"));
  }
}
