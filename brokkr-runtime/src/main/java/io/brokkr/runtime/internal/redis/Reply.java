package io.brokkr.runtime.internal.redis;

import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.spi.Rejection;
import io.brokkr.runtime.spi.Settling;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a script answered, decoded from its compact reply: a code, then the code's values (see the
 * codes in common.lua).
 */
sealed interface Reply {
  /** The caller's own facts are at most this many lines; the last, the outcome's JSON, is kept whole. */
  int FACTS = 6;

  /**
   * The change was made. {@code published} is the saga's number of the event message it published,
   * 0 when it published none; {@code settled} the saga when the change settled it;
   * {@code leaseExpired} the worker of the attempt whose expired lease the change failed;
   * {@code claimAfter} the answer of a claim of another saga's step that followed the change in the
   * same call ({@link Claimed}, {@link Miss} or {@link Dropped}; its grant is not among {@code claims}).
   */
  record Applied(long published, Optional<Settled> settled, Optional<String> leaseExpired,
      Optional<Instant> retryAt, List<Entry> ready, Optional<QueueHead> queueHead, List<Granted> claims,
      Optional<Reply> claimAfter) implements Reply {}

  /**
   * A step the change claimed from the head of its worker's queue (then its one claim):
   * {@code following} heads the queue now, as of the partition's ready sequence {@code sequence}.
   */
  record QueueHead(long sequence, Entry claimed, Optional<Entry> following) {}

  /**
   * A saga that the change settled: its status, when it was created, its name, and its outcome as the
   * message of its settling carries it (JSON, see {@link Message}), if it does.
   */
  record Settled(SagaStatus status, Instant createdAt, Optional<String> name, Optional<String> outcomeJson) {
    /** This settling as the SPI tells it, of saga {@code sagaId}. */
    Settling of(String sagaId, Snapshots snapshots) {
      return new Settling(sagaId, name, status, createdAt,
          outcomeJson.flatMap(outcome -> Message.settlement(outcome, snapshots)));
    }
  }

  /** A step granted to an attempt: its state, its args and its dependencies' results. */
  record Granted(String stepJson, String argsJson, List<String> dependencyResults) {}

  /** Nothing to do: the step settled already, or was not waiting. */
  record Noop() implements Reply {}

  /** The fencing token is not the current attempt's: nothing changed. */
  record Stale() implements Reply {}

  /** The store refused; nothing changed. */
  record Rejected(Rejection reason, List<String> details) implements Reply {}

  /** A transition the tables do not allow: a bug in a script; nothing changed. */
  record Illegal(String stepId, String from, String to) implements Reply {}

  /**
   * A step was claimed by its entry {@code claimed}: the one expected, or the head that replaced it, a
   * step of the same saga. {@code following} is the next entry of the worker's queue, if any.
   */
  record Claimed(long sequence, Optional<Entry> following, Entry claimed, Granted granted) implements Reply {}

  /** The expected entry was not the head of the queue; {@code head} is. */
  record Miss(long sequence, Optional<Entry> head) implements Reply {}

  /**
   * The expected entry was stale and was dropped, or its step failed for good (inputs over the claim
   * limit); {@code following} is the new head, {@code settled} the saga that failure settled.
   */
  record Dropped(long sequence, Optional<Entry> following, Optional<Settled> settled) implements Reply {}

  /** Decodes a script's reply. */
  static Reply decode(List<Object> reply) {
    int code = ((Number) reply.get(0)).intValue();
    return switch (code) {
      case 0 -> applied(reply);
      case 1 -> new Noop();
      case 2 -> new Stale();
      case 3 -> new Rejected(Rejection.valueOf(text(reply, 1)), texts(reply, 2));
      case 4 -> new Illegal(text(reply, 1), text(reply, 2), text(reply, 3));
      case 5 -> new Claimed(Long.parseLong(text(reply, 1)), Entry.parse(text(reply, 2)),
          Entry.parse(text(reply, 3)).orElseThrow(), granted(reply, 4));
      case 6 -> new Miss(Long.parseLong(text(reply, 1)), Entry.parse(text(reply, 2)));
      case 7 -> new Dropped(Long.parseLong(text(reply, 1)), Entry.parse(text(reply, 2)),
          reply.size() > 3 ? settled(text(reply, 3).split("\n", FACTS)) : Optional.empty());
      default -> throw new IllegalStateException("unknown reply code " + code + " in " + reply);
    };
  }

  /**
   * Code, message number (or, for the caller's own facts, the lines: message number, settled status,
   * creation time in ms, name, expired lease's worker, outcome), retry time or '', the number of ready entries,
   * the entries, the queue head of a step claimed from it (sequence, entry, next entry) or '', the
   * claim of another saga's step that followed in the same call (see {@link #claimAfter}) or '', then
   * each grant as its number of values and the values.
   */
  private static Applied applied(List<Object> reply) {
    Optional<Instant> retryAt = text(reply, 2).isEmpty() ? Optional.empty()
        : Optional.of(Instant.ofEpochMilli(Long.parseLong(text(reply, 2))));
    int count = Integer.parseInt(text(reply, 3));
    List<Entry> ready = new ArrayList<>();
    for (int i = 4; i < 4 + count; i++) {
      ready.add(Entry.parse(text(reply, i)).orElseThrow());
    }
    int next = 4 + count;
    Optional<QueueHead> queueHead = Optional.empty();
    if (text(reply, next).isEmpty()) {
      next++;
    } else {
      queueHead = Optional.of(new QueueHead(Long.parseLong(text(reply, next)),
          Entry.parse(text(reply, next + 1)).orElseThrow(), Entry.parse(text(reply, next + 2))));
      next += 3;
    }
    Optional<String[]> after = Optional.empty();
    if (text(reply, next).isEmpty()) {
      next++;
    } else {
      after = Optional.of(new String[] {text(reply, next), text(reply, next + 1), text(reply, next + 2),
          text(reply, next + 3)});
      next += 4;
    }
    List<Granted> claims = new ArrayList<>();
    for (int i = next; i < reply.size(); ) {
      int length = Integer.parseInt(text(reply, i));
      claims.add(new Granted(text(reply, i + 1), text(reply, i + 2), texts(reply, i + 3, i + 1 + length)));
      i += 1 + length;
    }
    String[] facts = text(reply, 1).split("\n", FACTS);
    Optional<String> leaseExpired = facts.length < 5 || facts[4].isEmpty() ? Optional.empty() : Optional.of(facts[4]);
    Optional<Reply> claimAfter = after.map(values -> claimAfter(values, claims));
    return new Applied(Long.parseLong(facts[0]), settled(facts), leaseExpired, retryAt, ready, queueHead, claims,
        claimAfter);
  }

  /**
   * The claim that followed a change in its call: code, ready sequence, next entry (the head, for a
   * miss), then the entry claimed or the settled saga's facts; a claim's grant is the last of
   * {@code claims}, taken from them.
   */
  private static Reply claimAfter(String[] values, List<Granted> claims) {
    long sequence = Long.parseLong(values[1]);
    return switch (Integer.parseInt(values[0])) {
      case 5 -> new Claimed(sequence, Entry.parse(values[2]), Entry.parse(values[3]).orElseThrow(),
          claims.remove(claims.size() - 1));
      case 6 -> new Miss(sequence, Entry.parse(values[2]));
      case 7 -> new Dropped(sequence, Entry.parse(values[2]),
          values[3].isEmpty() ? Optional.empty() : settled(values[3].split("\n", FACTS)));
      default -> throw new IllegalStateException("unknown code of a claim after a change: " + values[0]);
    };
  }

  /**
   * The settling among the caller's own facts (message number, settled status, creation time in ms,
   * name, expired lease's worker, outcome); empty when the call settled nothing.
   */
  private static Optional<Settled> settled(String[] facts) {
    // A saga without a creation time (written before it was kept) cannot say how long it took: not told.
    return facts.length < 5 || facts[1].isEmpty() || facts[2].isEmpty() ? Optional.empty()
        : Optional.of(new Settled(SagaStatus.valueOf(facts[1]), Instant.ofEpochMilli(Long.parseLong(facts[2])),
            present(facts, 3), present(facts, 5)));
  }

  /** The fact at {@code index}; empty when the reply has none there (a script of an earlier build) or it is blank. */
  private static Optional<String> present(String[] facts, int index) {
    return facts.length <= index || facts[index].isEmpty() ? Optional.empty() : Optional.of(facts[index]);
  }

  private static Granted granted(List<Object> reply, int from) {
    return new Granted(text(reply, from), text(reply, from + 1), texts(reply, from + 2));
  }

  private static List<String> texts(List<Object> reply, int from) {
    return texts(reply, from, reply.size());
  }

  private static List<String> texts(List<Object> reply, int from, int to) {
    List<String> texts = new ArrayList<>();
    for (int i = from; i < to; i++) {
      texts.add(text(reply, i));
    }
    return texts;
  }

  private static String text(List<Object> reply, int index) {
    return String.valueOf(reply.get(index));
  }
}
