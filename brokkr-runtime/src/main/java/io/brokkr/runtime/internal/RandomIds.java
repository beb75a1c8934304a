package io.brokkr.runtime.internal;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs for sagas and steps, as {@link UUID#randomUUID()} makes them, but drawn
 * 16 at a time from one of a few generators picked by the calling thread: {@code randomUUID} asks
 * one generator that every thread of the JVM shares (on Linux, behind one lock), once per id. No
 * generator per thread: an application on virtual threads would seed one per request.
 */
final class RandomIds {
  private static final int IDS_PER_DRAW = 16;
  /** Two generators per core, at least 4 and at most 64: each is seeded once, from the system's entropy. */
  private static final Stripe[] STRIPES =
      new Stripe[Math.min(64, Math.max(4, 2 * Runtime.getRuntime().availableProcessors()))];

  static {
    for (int i = 0; i < STRIPES.length; i++) {
      STRIPES[i] = new Stripe();
    }
  }

  private RandomIds() {}

  /** A new random UUID, as text. */
  static String uuid() {
    return STRIPES[(int) (Thread.currentThread().getId() % STRIPES.length)].nextUuid();
  }

  private static final class Stripe {
    private final SecureRandom random = drbg();
    private final byte[] drawn = new byte[16 * IDS_PER_DRAW];
    private int next = drawn.length;

    String nextUuid() {
      long high;
      long low;
      synchronized (this) {
        if (next == drawn.length) {
          random.nextBytes(drawn);
          next = 0;
        }
        high = longAt(next);
        low = longAt(next + 8);
        next += 16;
      }
      high = (high & ~0xf000L) | 0x4000L; // version 4
      low = (low & 0x3fffffffffffffffL) | 0x8000000000000000L; // IETF variant
      return new UUID(high, low).toString();
    }

    private long longAt(int offset) {
      long value = 0;
      for (int i = 0; i < 8; i++) {
        value = (value << 8) | (drawn[offset + i] & 0xff);
      }
      return value;
    }
  }

  /** The JDK's DRBG: each instance stands alone, where every NativePRNG shares one lock. */
  private static SecureRandom drbg() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }
}
