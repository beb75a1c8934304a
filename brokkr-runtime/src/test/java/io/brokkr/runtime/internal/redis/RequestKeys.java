package io.brokkr.runtime.internal.redis;

/** The parts of a request key ({@link RequestIds}), as the scripts split it: {@code <kept at>:<number>}. */
final class RequestKeys {
  private RequestKeys() {}

  /** The key where the calling thread's last reply in the partition is kept: the request key without its number. */
  static String keptAt(String request) {
    return request.substring(0, request.lastIndexOf(':'));
  }

  /** The request's number on its thread. */
  static long number(String request) {
    return Long.parseLong(request.substring(request.lastIndexOf(':') + 1));
  }
}
