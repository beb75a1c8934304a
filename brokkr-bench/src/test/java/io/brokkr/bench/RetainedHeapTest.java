package io.brokkr.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RetainedHeapTest {
  @Test
  void aSettledSagaKeepsSomeHeapAndNotAWorld() throws Exception {
    double bytes = RetainedHeap.bytesPerSaga(2_000);
    // Its steps, history and results: some kilobytes (3,329 measured for 20,000); a leak would show hundreds.
    assertTrue(bytes > 500 && bytes < 50_000, bytes + " bytes per saga");
  }
}
