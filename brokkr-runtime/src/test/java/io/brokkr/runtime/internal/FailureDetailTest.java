package io.brokkr.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class FailureDetailTest {

  private static StackTraceElement[] frames(String method, int count) {
    StackTraceElement[] frames = new StackTraceElement[count];
    for (int i = 0; i < count; i++) {
      frames[i] = new StackTraceElement("com.acme.Forge", method + i, "Forge.java", i + 1);
    }
    return frames;
  }

  @Test
  void aShortTraceReadsAsTheJdkPrintsIt() {
    java.io.IOException cause = new java.io.IOException("closed");
    cause.setStackTrace(new StackTraceElement[] {
        new StackTraceElement("com.acme.Socket", "read", "Socket.java", 7), frames("strike", 3)[1], frames("strike", 3)[2]});
    IllegalStateException failure = new IllegalStateException("out of stock", cause);
    failure.setStackTrace(frames("strike", 3));
    StringWriter printed = new StringWriter();
    failure.printStackTrace(new PrintWriter(printed));

    assertEquals(printed.toString().strip().replace(System.lineSeparator(), "\n"), FailureDetail.of(failure));
    assertTrue(FailureDetail.of(failure).endsWith("\n\t... 2 more"), "frames in common with the enclosing trace");
  }

  @Test
  void aLongTraceKeepsEachExceptionsFirstFramesAndCountsTheRest() {
    RuntimeException cause = new RuntimeException("deep");
    cause.setStackTrace(frames("descend", 5000));
    IllegalStateException failure = new IllegalStateException("top", cause);
    failure.setStackTrace(frames("strike", 400));

    String detail = FailureDetail.of(failure);

    assertTrue(detail.length() <= FailureDetail.BOUND, "was " + detail.length());
    assertTrue(detail.startsWith("java.lang.IllegalStateException: top\n\tat com.acme.Forge.strike0(Forge.java:1)\n"),
        detail);
    assertTrue(detail.contains("\nCaused by: java.lang.RuntimeException: deep\n\tat com.acme.Forge.descend0("), detail);
    assertTrue(detail.matches("(?s).*\\n\\t\\.\\.\\. \\d+ more\\nCaused by.*\\n\\t\\.\\.\\. \\d+ more"), detail);
  }

  @Test
  void aHugeMessageIsCutAtTheBoundAndACycleEndsTheChain() {
    RuntimeException first = new RuntimeException("x".repeat(20_000));
    RuntimeException second = new RuntimeException("second", first);
    first.initCause(second);

    String detail = FailureDetail.of(second);

    assertEquals(FailureDetail.BOUND, detail.length());
    assertTrue(detail.startsWith("java.lang.RuntimeException: second\n"), detail.substring(0, 100));
    assertTrue(detail.endsWith("… (cut)"), detail.substring(detail.length() - 100));
  }
}
