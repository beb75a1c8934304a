package io.brokkr.bench;

import java.net.URI;

/** Where a Redis server listens: {@code redis://HOST:PORT}. */
record RedisAddress(String host, int port) {

  /**
   * Reads {@code redis://HOST[:PORT]}.
   *
   * @throws IllegalArgumentException quoting the URL when it is not of that form
   */
  static RedisAddress parse(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--redis-url must be redis://HOST:PORT, was \"" + url + "\"", e);
    }
    if (!"redis".equals(uri.getScheme()) || uri.getHost() == null || uri.getUserInfo() != null
        || (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))) {
      throw new IllegalArgumentException("--redis-url must be redis://HOST:PORT (no password, no database), was \""
          + url + "\"");
    }
    return new RedisAddress(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort());
  }

  String url() {
    return "redis://" + host + ":" + port;
  }
}
