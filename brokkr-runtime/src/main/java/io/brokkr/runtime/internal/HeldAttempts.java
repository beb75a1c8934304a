package io.brokkr.runtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The attempts a node holds ({@link Leases}), as lists linked through the attempts themselves, in
 * stripes each under a lock of its own: an attempt joins and leaves without an allocation, a hash
 * or a shared counter, where a concurrent set made a node, hashed the attempt and counted its size
 * at every claim and every end. Reading them (the renewer, the drain, the node's count) copies them
 * stripe by stripe: rare, and never while a store call is made.
 */
final class HeldAttempts {
  private static final int STRIPES = 16;

  /** A stripe's list; its monitor guards the links of the attempts in it. */
  static final class Stripe {
    private @Nullable Attempt first;
  }

  private final Stripe[] stripes = new Stripe[STRIPES];

  HeldAttempts() {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Stripe();
    }
  }

  /** Adds an attempt not held yet (an attempt is added once). */
  void add(Attempt attempt) {
    Stripe stripe = stripes[ThreadLocalRandom.current().nextInt(STRIPES)];
    synchronized (stripe) {
      attempt.heldIn = stripe;
      attempt.heldNext = stripe.first;
      if (stripe.first != null) {
        stripe.first.heldPrevious = attempt;
      }
      stripe.first = attempt;
    }
  }

  /** Takes an attempt out; does nothing when it is not held (any more). */
  void remove(Attempt attempt) {
    Stripe stripe = attempt.heldIn;
    if (stripe == null) {
      return;
    }
    synchronized (stripe) {
      if (attempt.heldIn != stripe) {
        return; // taken out meanwhile
      }
      if (attempt.heldPrevious != null) {
        attempt.heldPrevious.heldNext = attempt.heldNext;
      } else {
        stripe.first = attempt.heldNext;
      }
      if (attempt.heldNext != null) {
        attempt.heldNext.heldPrevious = attempt.heldPrevious;
      }
      attempt.heldIn = null;
      attempt.heldPrevious = null;
      attempt.heldNext = null;
    }
  }

  /** The attempts held now that {@code filter} accepts. */
  List<Attempt> select(Predicate<Attempt> filter) {
    List<Attempt> selected = new ArrayList<>();
    for (Stripe stripe : stripes) {
      synchronized (stripe) {
        for (Attempt a = stripe.first; a != null; a = a.heldNext) {
          if (filter.test(a)) {
            selected.add(a);
          }
        }
      }
    }
    return selected;
  }
}
