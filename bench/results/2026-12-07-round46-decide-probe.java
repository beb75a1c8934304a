// Forty-sixth round: what deciding a hammer saga's transitions would cost the node, on one thread. The node-decided
// design (README, "The node decides, scripts apply") moves the rules out of Redis's scripts into the node, which
// then sends the texts the scripts write today: the touched steps' states, the history's entries, the event
// messages. Part "rules": the in-memory store's SPI calls for a hammer saga (the same rules in Java), made by the
// twenty-fifth round's probe. Part "texts": those texts for one hammer saga, in the shapes and numbers the Redis
// scripts write them (11 step states, 13 history entries, 5 messages; MONITOR of a hammer saga), written by
// Jackson's mapper and by hand (a StringBuilder, as a decided design would for fixed shapes). From the root:
//   mvn -B -o -q dependency:build-classpath -pl brokkr-bench -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
//   mkdir -p /tmp/probe && cp bench/results/2026-12-05-round25-store-probe.java /tmp/probe/StoreProbe.java
//   cp bench/results/2026-12-07-round46-decide-probe.java /tmp/probe/DecideProbe.java
//   javac -d /tmp/probe -cp brokkr-runtime/target/classes:$(cat /tmp/cp.txt) /tmp/probe/StoreProbe.java /tmp/probe/DecideProbe.java
//   java -Xms4g -Xmx4g -XX:+AlwaysPreTouch -cp /tmp/probe:brokkr-runtime/target/classes:$(cat /tmp/cp.txt) DecideProbe 100000
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokkr.runtime.InMemoryBackend;
import io.brokkr.runtime.spi.*;
import java.lang.management.ManagementFactory;
import java.time.*;
import java.util.*;

/** The node's CPU a hammer saga if it decided the transitions: the rules in Java, then the texts it would send. */
public class DecideProbe {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static long sink;

  public static void main(String[] a) throws Exception {
    int n = Integer.parseInt(a[0]);
    SagaStore store = InMemoryBackend.create().open("probe", Clock.systemUTC());
    var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int round = 0; round < 8; round++) {
      long c0 = bean.getCurrentThreadCpuTime();
      for (int i = 0; i < n; i++) StoreProbe.saga(store, "r" + round + "-" + i);
      long c1 = bean.getCurrentThreadCpuTime();
      for (int i = 0; i < n; i++) sink += jacksonTexts("j" + round + "-" + i, 1_765_000_000_000L + i);
      long c2 = bean.getCurrentThreadCpuTime();
      for (int i = 0; i < n; i++) sink += handTexts("h" + round + "-" + i, 1_765_000_000_000L + i);
      long c3 = bean.getCurrentThreadCpuTime();
      System.out.printf("round %d: rules %.2f us, texts by Jackson %.2f us, texts by hand %.2f us a saga%n",
          round, (c1 - c0) / 1e3 / n, (c2 - c1) / 1e3 / n, (c3 - c2) / 1e3 / n);
    }
    System.out.println("(sink " + sink + ")");
  }

  static final String[] STEPS = { "head", "handle", "hammer", "undo-hammer" };
  static final String[] MOVES = { "CREATED", "QUEUED", "RUNNING", "FINISHED" };

  /** The texts of one hammer saga as maps written by Jackson; returns their length (so nothing is optimized away). */
  static long jacksonTexts(String saga, long now) throws Exception {
    long length = 0;
    for (int i = 0; i < 11; i++) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("id", STEPS[i % 3]);
      s.put("w", "w");
      s.put("st", MOVES[i % 4]);
      s.put("a", i % 2);
      s.put("r", List.of("1", "100", "2.0", "1000"));
      if (i % 3 == 2) s.put("d", List.of("head", "handle")); else s.put("dn", List.of("hammer"));
      if (i % 4 == 2) { s.put("o", "node-1"); s.put("t", 7 + i); s.put("u", now + 30_000); }
      if (i % 4 == 1) s.put("q", "w\n" + String.format("%016d", now * 1000 + i) + "\n" + saga + "\n" + STEPS[i % 3]);
      length += MAPPER.writeValueAsString(s).length();
    }
    for (int i = 0; i < 13; i++) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("y", "T");
      e.put("s", STEPS[i % 4]);
      e.put("f", MOVES[i % 3]);
      e.put("o", MOVES[i % 3 + 1]);
      if (i % 3 != 0) { e.put("a", 1); e.put("n", "node-1"); e.put("k", 7 + i); }
      e.put("t", now);
      length += MAPPER.writeValueAsString(e).length();
    }
    for (int i = 0; i < 5; i++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("s", saga);
      m.put("q", i + 1);
      m.put("e", List.of(List.of("T", STEPS[i % 3], "w", "QUEUED", "RUNNING"), List.of("R", STEPS[(i + 1) % 3], "w", "entry")));
      length += MAPPER.writeValueAsString(m).length();
    }
    return length;
  }

  /** The same texts written by hand into one StringBuilder each, as fixed shapes allow. */
  static long handTexts(String saga, long now) {
    long length = 0;
    StringBuilder b = new StringBuilder(256);
    for (int i = 0; i < 11; i++) {
      b.setLength(0);
      b.append("{\"id\":\"").append(STEPS[i % 3]).append("\",\"w\":\"w\",\"st\":\"").append(MOVES[i % 4])
          .append("\",\"a\":").append(i % 2).append(",\"r\":[\"1\",\"100\",\"2.0\",\"1000\"]");
      if (i % 3 == 2) b.append(",\"d\":[\"head\",\"handle\"]"); else b.append(",\"dn\":[\"hammer\"]");
      if (i % 4 == 2) b.append(",\"o\":\"node-1\",\"t\":").append(7 + i).append(",\"u\":").append(now + 30_000);
      if (i % 4 == 1) {
        b.append(",\"q\":\"w\\n");
        String seq = Long.toString(now * 1000 + i);
        for (int pad = seq.length(); pad < 16; pad++) b.append('0');
        b.append(seq).append("\\n").append(saga).append("\\n").append(STEPS[i % 3]).append('"');
      }
      length += b.append('}').toString().length();
    }
    for (int i = 0; i < 13; i++) {
      b.setLength(0);
      b.append("{\"y\":\"T\",\"s\":\"").append(STEPS[i % 4]).append("\",\"f\":\"").append(MOVES[i % 3])
          .append("\",\"o\":\"").append(MOVES[i % 3 + 1]).append('"');
      if (i % 3 != 0) b.append(",\"a\":1,\"n\":\"node-1\",\"k\":").append(7 + i);
      length += b.append(",\"t\":").append(now).append('}').toString().length();
    }
    for (int i = 0; i < 5; i++) {
      b.setLength(0);
      b.append("{\"s\":\"").append(saga).append("\",\"q\":").append(i + 1).append(",\"e\":[[\"T\",\"")
          .append(STEPS[i % 3]).append("\",\"w\",\"QUEUED\",\"RUNNING\"],[\"R\",\"").append(STEPS[(i + 1) % 3])
          .append("\",\"w\",\"entry\"]]}");
      length += b.toString().length();
    }
    return length;
  }
}
