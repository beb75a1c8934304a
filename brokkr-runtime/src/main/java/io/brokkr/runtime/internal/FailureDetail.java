package io.brokkr.runtime.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The stored detail of an attempt that threw: its stack trace with its causes, as {@link
 * Throwable#printStackTrace()} writes them ({@code Caused by: ...}, frames shared with the enclosing
 * trace left out as {@code ... n more}), within {@link #BOUND} characters. When the whole does not
 * fit, each exception keeps fewer frames (its first ones, where it was thrown), down to one; what
 * still does not fit (huge messages) is cut at the bound. The store also cuts it to its payload limit.
 */
final class FailureDetail {
  /** The most characters a detail takes. */
  static final int BOUND = 8000;
  /** Exceptions of the cause chain shown at most. */
  private static final int MAX_CHAIN = 16;
  private static final String CUT = "\n\t… (cut)";

  private FailureDetail() {}

  static String of(Throwable failure) {
    List<Throwable> chain = chain(failure);
    int frames = chain.stream().mapToInt(t -> t.getStackTrace().length).max().orElse(0);
    String text = render(chain, frames);
    while (text.length() > BOUND && frames > 1) {
      frames = frames / 2;
      text = render(chain, frames);
    }
    return text.length() <= BOUND ? text : cut(text);
  }

  /** The exception and its causes, each once (a cycle ends the chain). */
  private static List<Throwable> chain(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = failure; t != null && chain.size() < MAX_CHAIN && seen.add(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  /** The chain with at most {@code maxFrames} frames an exception. */
  private static String render(List<Throwable> chain, int maxFrames) {
    StringBuilder text = new StringBuilder();
    StackTraceElement[] enclosing = new StackTraceElement[0];
    for (int i = 0; i < chain.size(); i++) {
      Throwable t = chain.get(i);
      StackTraceElement[] frames = t.getStackTrace();
      int own = frames.length - inCommon(frames, enclosing);
      if (i > 0) {
        text.append("\nCaused by: ");
      }
      text.append(t);
      int shown = Math.min(own, maxFrames);
      for (int f = 0; f < shown; f++) {
        text.append("\n\tat ").append(frames[f]);
      }
      if (frames.length > shown) {
        text.append("\n\t... ").append(frames.length - shown).append(" more");
      }
      enclosing = frames;
    }
    return text.toString();
  }

  /** How many frames at the bottom of {@code frames} the enclosing trace has too. */
  private static int inCommon(StackTraceElement[] frames, StackTraceElement[] enclosing) {
    int m = frames.length - 1;
    int n = enclosing.length - 1;
    while (m >= 0 && n >= 0 && frames[m].equals(enclosing[n])) {
      m--;
      n--;
    }
    return frames.length - 1 - m;
  }

  private static String cut(String text) {
    int keep = BOUND - CUT.length();
    if (Character.isHighSurrogate(text.charAt(keep - 1))) {
      keep--;
    }
    return text.substring(0, keep) + CUT;
  }
}
