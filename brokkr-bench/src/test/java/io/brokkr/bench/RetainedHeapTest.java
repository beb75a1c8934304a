package io.brokkr.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RetainedHeapTest {
  @Test
  void aSettledSagaKeepsSomeHeapAndNotAWorld() throws Exception {
    RetainedHeap.Kept kept = RetainedHeap.perSaga(2_000);
    // Its steps, history and results: some kilobytes in some tens of objects (2,080 bytes in 41
    // objects measured for 100,000); a leak would show hundreds of kilobytes.
    assertTrue(kept.bytes() > 500 && kept.bytes() < 50_000, kept + " per saga");
    assertTrue(kept.objects() > 5 && kept.objects() < 1_000, kept + " per saga");
  }
}
