package io.brokkr.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

class FailureReasonTest {

  @Test
  void namesTheExceptionItsMessageAndItsCauses() {
    assertEquals("IllegalStateException: out of stock (caused by SocketTimeoutException: read timed out)",
        FailureReason.of(new IllegalStateException("out of stock", new SocketTimeoutException("read timed out"))));
    assertEquals("NullPointerException", FailureReason.of(new NullPointerException()));
  }

  @Test
  void aMessageThatOnlyRepeatsItsCauseIsLeftOut() {
    assertEquals("UncheckedIOException (caused by IOException: disk full)",
        FailureReason.of(new UncheckedIOException(new IOException("disk full"))));
  }

  @Test
  void aLongOrCyclicChainIsCut() {
    Exception deep = new Exception("5");
    for (int i = 4; i >= 0; i--) {
      deep = new Exception(Integer.toString(i), deep);
    }
    assertEquals("Exception: 0 (caused by Exception: 1; caused by Exception: 2; caused by Exception: 3;"
        + " caused by Exception: 4; …)", FailureReason.of(deep));

    Exception a = new Exception("a");
    Exception b = new Exception("b", a);
    a.initCause(b);
    assertEquals("Exception: a (caused by Exception: b)", FailureReason.of(a));
  }

  @Test
  void nestedClassesKeepTheirOuterName() {
    class Local extends RuntimeException {
      Local() {
        super("local");
      }
    }
    assertEquals("FailureReasonTest$1Local: local", FailureReason.of(new Local()));
  }
}
