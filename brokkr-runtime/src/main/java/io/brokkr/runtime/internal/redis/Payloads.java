package io.brokkr.runtime.internal.redis;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The payload limit: the largest args, result or failure reason of a step, in bytes of UTF-8. */
record Payloads(int limit) {

  /** Why {@code json} may not be stored, naming {@code what} and both sizes; empty when it fits. */
  Optional<String> tooLarge(String what, String json) {
    int bytes = size(json);
    if (bytes <= limit) {
      return Optional.empty();
    }
    return Optional.of(what + " is " + bytes + " bytes of JSON, over the payload limit of " + limit
        + " bytes (RedisOptions.withPayloadLimit)");
  }

  /** A failure reason, cut to fit the limit: a failure is always recorded. */
  String cut(String reason) {
    if (size(reason) <= limit) {
      return reason;
    }
    String marker = "… (cut to the payload limit)";
    int keep = Math.max(0, limit / 4 - marker.length()); // a character takes at most 4 bytes of UTF-8
    if (keep > 0 && Character.isHighSurrogate(reason.charAt(keep - 1))) {
      keep--;
    }
    return reason.substring(0, keep) + marker;
  }

  private static int size(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
