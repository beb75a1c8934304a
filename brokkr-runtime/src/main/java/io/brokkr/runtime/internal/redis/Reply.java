package io.brokkr.runtime.internal.redis;

import io.brokkr.runtime.spi.Rejection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a script answered, decoded from its compact reply: a code, then the code's values (see the
 * codes in common.lua).
 */
sealed interface Reply {

  /** The change was made. */
  record Applied(Optional<Instant> retryAt, List<Entry> ready) implements Reply {}

  /** Nothing to do: the step settled already, or was not waiting. */
  record Noop() implements Reply {}

  /** The fencing token is not the current attempt's: nothing changed. */
  record Stale() implements Reply {}

  /** The store refused; nothing changed. */
  record Rejected(Rejection reason, List<String> details) implements Reply {}

  /** A transition the tables do not allow: a bug in a script; nothing changed. */
  record Illegal(String stepId, String from, String to) implements Reply {}

  /** A step was claimed. {@code following} is the next entry of the worker's queue, if any. */
  record Claimed(long sequence, Optional<Entry> following, String stepJson, String argsJson, List<String> dependencyResults)
      implements Reply {}

  /** The expected entry was not the head of the queue; {@code head} is. */
  record Miss(long sequence, Optional<Entry> head) implements Reply {}

  /** The expected entry was stale and was dropped; {@code following} is the new head. */
  record Dropped(long sequence, Optional<Entry> following) implements Reply {}

  /** Decodes a script's reply. */
  static Reply decode(List<Object> reply) {
    int code = ((Number) reply.get(0)).intValue();
    return switch (code) {
      case 0 -> new Applied(text(reply, 1).isEmpty() ? Optional.empty()
          : Optional.of(Instant.ofEpochMilli(Long.parseLong(text(reply, 1)))), ready(reply));
      case 1 -> new Noop();
      case 2 -> new Stale();
      case 3 -> new Rejected(Rejection.valueOf(text(reply, 1)), texts(reply, 2));
      case 4 -> new Illegal(text(reply, 1), text(reply, 2), text(reply, 3));
      case 5 -> new Claimed(Long.parseLong(text(reply, 1)), Entry.parse(text(reply, 2)), text(reply, 3), text(reply, 4),
          texts(reply, 5));
      case 6 -> new Miss(Long.parseLong(text(reply, 1)), Entry.parse(text(reply, 2)));
      case 7 -> new Dropped(Long.parseLong(text(reply, 1)), Entry.parse(text(reply, 2)));
      default -> throw new IllegalStateException("unknown reply code " + code + " in " + reply);
    };
  }

  private static List<Entry> ready(List<Object> reply) {
    List<Entry> ready = new ArrayList<>();
    for (int i = 2; i < reply.size(); i++) {
      ready.add(Entry.parse(text(reply, i)).orElseThrow());
    }
    return ready;
  }

  private static List<String> texts(List<Object> reply, int from) {
    List<String> texts = new ArrayList<>();
    for (int i = from; i < reply.size(); i++) {
      texts.add(text(reply, i));
    }
    return texts;
  }

  private static String text(List<Object> reply, int index) {
    return String.valueOf(reply.get(index));
  }
}
