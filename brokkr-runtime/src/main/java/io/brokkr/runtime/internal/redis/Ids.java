package io.brokkr.runtime.internal.redis;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The rule for a namespace in the Redis store: it becomes part of every key. The rules of ids and
 * worker names are every store's: {@link io.brokkr.runtime.spi.StoreLimits}.
 */
final class Ids {
  private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  /**
   * What starts the inbox id of a view that a script can tell a queue's head first (common.lua's
   * publish): it subscribes to its sharded channel of each worker it runs in every partition, on the
   * server that owns the partition's slot, where the script's {@code SPUBLISH} counts it. The build
   * before (2026-12-06, thirty-fourth round) marked such a view "w" and counted a {@code PUBLISH}, on
   * one server only: its inboxes are no longer told first (their heads go to every node of the worker).
   */
  private static final String TOLD_FIRST = "s";

  /**
   * A new view's inbox id: 64 random bits in hex, kept with each saga the view creates, after {@link
   * #TOLD_FIRST} when {@code toldFirst}.
   */
  static String inbox(boolean toldFirst) {
    byte[] bits = new byte[8];
    RANDOM.nextBytes(bits);
    return (toldFirst ? TOLD_FIRST : "") + HexFormat.of().formatHex(bits);
  }

  /** Whether a script tells the view whose inbox id is {@code inbox} the heads its sagas make first. */
  static boolean toldFirst(String inbox) {
    return inbox.startsWith(TOLD_FIRST);
  }

  /** Checks a namespace: letters, digits, '.', '_' and '-', at most 64 characters. */
  static String checkNamespace(String namespace) {
    if (!NAMESPACE.matcher(namespace).matches()) {
      throw new IllegalArgumentException("namespace \"" + namespace.replaceAll("\\p{Cntrl}", "?")
          + "\" is not allowed in the Redis store: a namespace is 1 to 64 letters, digits, '.', '_' or '-'");
    }
    return namespace;
  }
}
