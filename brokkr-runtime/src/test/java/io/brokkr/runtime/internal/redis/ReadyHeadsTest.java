package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadyHeadsTest {

  private static Entry entry(String worker, long sequence, String saga) {
    return Entry.parse(worker + "\n" + String.format("%015d", sequence) + "\n" + saga + "\nstep").orElseThrow();
  }

  @Test
  void aQueueIsUnknownUntilReadAndEmptyQueuesCostNothing() {
    ReadyHeads heads = new ReadyHeads(2);
    heads.track("W");
    assertEquals(List.of(0, 1), heads.unknown("W"));
    heads.announce(entry("W", 5, "s"), 0);
    assertEquals(Optional.empty(), heads.next("W"), "an unknown queue is read first");
    heads.learn("W", 0, 5, Optional.empty());
    heads.learn("W", 1, 0, Optional.empty());
    assertEquals(List.of(), heads.unknown("W"));
    assertEquals(Optional.empty(), heads.next("W"));
  }

  @Test
  void aCompletionTakesItsPartitionsHeadUnlessAnotherPartitionsHeadWaitedLongerByMoreThanTheBound() {
    ReadyHeads heads = new ReadyHeads(2);
    heads.track("W");
    heads.track("V");
    long own = 10 * ReadyHeads.MAX_OVERTAKE_MICROS;
    heads.learn("W", 0, own, Optional.of(entry("W", own, "mine")));
    heads.learn("W", 1, 1, Optional.of(entry("W", own - ReadyHeads.MAX_OVERTAKE_MICROS, "older-within-bound")));
    assertEquals(Optional.of(entry("W", own, "mine")), heads.headIn(0, List.of("W")));

    heads.learn("W", 1, 2, Optional.of(entry("W", own - ReadyHeads.MAX_OVERTAKE_MICROS - 1, "waited-too-long")));
    assertEquals(Optional.empty(), heads.headIn(0, List.of("W")), "partition 1's head goes first");
    assertEquals(Optional.of(entry("W", own - ReadyHeads.MAX_OVERTAKE_MICROS - 1, "waited-too-long")),
        heads.headIn(1, List.of("W")));

    heads.learn("V", 0, own, Optional.of(entry("V", own, "other-worker")));
    assertEquals(Optional.of(entry("V", own, "other-worker")), heads.headIn(0, List.of("W", "V")),
        "another worker's queue is not held back by W's");
    assertEquals(Optional.empty(), heads.headIn(0, List.of("Untracked")));
  }

  @Test
  void aReplyAboutAWorkerNotFollowedIsIgnored() {
    ReadyHeads heads = new ReadyHeads(1);
    heads.track("W");
    heads.learn("Other", 0, 5, Optional.of(entry("Other", 5, "s")));
    assertEquals(List.of("W"), heads.tracked());
    assertEquals(List.of(0), heads.unknown("W"));
  }

  @Test
  void anAnnouncementOlderThanTheViewIsIgnoredAndANewerOneBecomesTheHead() {
    ReadyHeads heads = new ReadyHeads(1);
    heads.track("W");
    heads.learn("W", 0, 7, Optional.empty());
    heads.announce(entry("W", 7, "claimed-already"), 0);
    assertEquals(Optional.empty(), heads.next("W"));
    heads.announce(entry("W", 8, "new"), 0);
    assertEquals(Optional.of(entry("W", 8, "new")), heads.next("W"));
  }

  @Test
  void anEntryAnnouncedWhileAClaimWasInFlightIsNotLost() {
    ReadyHeads heads = new ReadyHeads(1);
    heads.track("W");
    heads.learn("W", 0, 3, Optional.of(entry("W", 3, "a")));
    // The claim of a is sent; b is queued and announced before the claim's reply says "empty at 3".
    heads.announce(entry("W", 4, "b"), 0);
    heads.learn("W", 0, 3, Optional.empty());
    assertEquals(Optional.of(entry("W", 4, "b")), heads.next("W"));
  }

  @Test
  void aReadMadeBeforeAnEntryWasQueuedDoesNotHideIt() {
    ReadyHeads heads = new ReadyHeads(1);
    heads.track("W");
    heads.learn("W", 0, 3, Optional.empty());
    // A sweep reads the queue at 4; b is queued and announced before the read's reply says "empty at 4".
    heads.announce(entry("W", 5, "b"), 0);
    heads.learn("W", 0, 4, Optional.empty());
    assertEquals(Optional.of(entry("W", 5, "b")), heads.next("W"));
    heads.learn("W", 0, 5, Optional.empty());
    assertEquals(Optional.empty(), heads.next("W"), "a read at b's sequence that finds the queue empty: b was taken");
  }

  @Test
  void anEntryAnnouncedBeforeTheFirstReadIsNotLostIfTheReadIsOlder() {
    ReadyHeads heads = new ReadyHeads(1);
    heads.track("W");
    heads.announce(entry("W", 5, "b"), 0);
    heads.learn("W", 0, 4, Optional.empty());
    assertEquals(Optional.of(entry("W", 5, "b")), heads.next("W"));
  }

  @Test
  void partitionsAreTakenInTurnAndOtherWorkersAreNotFollowed() {
    ReadyHeads heads = new ReadyHeads(2);
    heads.track("W");
    heads.learn("W", 0, 1, Optional.of(entry("W", 1, "p0")));
    heads.learn("W", 1, 1, Optional.of(entry("W", 1, "p1")));
    assertEquals("p0", heads.next("W").orElseThrow().step().sagaId());
    assertEquals("p1", heads.next("W").orElseThrow().step().sagaId());
    heads.announce(entry("Other", 9, "x"), 0);
    assertEquals(List.of("W"), heads.tracked());
  }

  @Test
  void threadsOfANodeNameDifferentEntriesAndOneThatFindsNoneIsToldToLookAgainWhenTheClaimEnds() {
    ReadyHeads heads = new ReadyHeads(1);
    heads.track("W");
    heads.learn("W", 0, 1, Optional.of(entry("W", 1, "a")));
    heads.announce(entry("W", 2, "b"), 0);
    Entry a = heads.next("W").orElseThrow();
    assertEquals(entry("W", 1, "a"), a);
    // A claim takes the queue's head whatever entry it names: b lets a second thread claim at once.
    Entry b = heads.next("W").orElseThrow();
    assertEquals(entry("W", 2, "b"), b);
    assertEquals(Optional.empty(), heads.next("W"), "a third thread would find the queue empty");
    assertEquals(Optional.empty(), heads.headIn(0, List.of("W")), "and so would a completion");
    assertFalse(heads.release(b), "no claim was turned away while b's lasted");
    assertTrue(heads.release(a), "claims were turned away while a's lasted: the node looks again");
    assertEquals(Optional.of(a), heads.next("W"), "a is free to name again");
  }

  @Test
  void theWorkNotTakenIsTheFirstKnownEntryNoThreadIsClaiming() {
    ReadyHeads heads = new ReadyHeads(2);
    assertEquals(Optional.empty(), heads.untaken("W", 0), "a worker not tracked");
    heads.track("W");
    assertEquals(Optional.empty(), heads.untaken("W", 0), "a queue not read");
    heads.learn("W", 0, 5, Optional.of(entry("W", 5, "first")));
    heads.announce(entry("W", 6, "second"), 0);
    assertEquals(Optional.of(entry("W", 5, "first")), heads.untaken("W", 0));
    assertEquals(Optional.empty(), heads.untaken("W", 1), "the other partition's queue");

    Entry claimed = heads.next("W").orElseThrow();
    assertEquals(entry("W", 5, "first"), claimed);
    assertEquals(Optional.of(entry("W", 6, "second")), heads.untaken("W", 0), "the head is being claimed");
    Entry alsoClaimed = heads.next("W").orElseThrow();
    assertEquals(Optional.empty(), heads.untaken("W", 0), "every known entry is being claimed");
    heads.release(alsoClaimed);
    heads.release(claimed);
    heads.learn("W", 0, 7, Optional.empty());
    assertEquals(Optional.empty(), heads.untaken("W", 0), "the queue was found empty");
  }

  @Test
  void aHeadThatStaysThroughTwoSweepsLingers() {
    ReadyHeads heads = new ReadyHeads(1);
    heads.track("W");
    heads.learn("W", 0, 1, Optional.of(entry("W", 1, "s")));
    assertEquals(List.of(), heads.lingering("W"));
    assertEquals(List.of(entry("W", 1, "s")), heads.lingering("W"));
  }
}
