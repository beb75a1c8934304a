package io.brokkr.dashboard.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The page, its style and its scripts: every file is named here and read from the jar once, so a
 * request can only ever get one of them (no path reaches the class path).
 */
final class Assets {
  private static final String ROOT = "/io/brokkr/dashboard/assets/";
  private static final List<String> FILES = List.of("index.html", "app.css", "js/main.js", "js/api.js",
      "js/dom.js", "js/format.js", "js/live.js", "js/overview.js", "js/list.js", "js/saga.js", "js/graph.js",
      "js/actions.js");

  /** A file's bytes and content type. */
  record Asset(byte[] bytes, String contentType) {}

  private final Map<String, Asset> files = new TreeMap<>();

  Assets() {
    for (String name : FILES) {
      try (InputStream in = Assets.class.getResourceAsStream(ROOT + name)) {
        if (in == null) {
          throw new IllegalStateException("the dashboard's jar lacks " + ROOT + name);
        }
        files.put(name, new Asset(in.readAllBytes(), type(name)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** {@return the file of that path under the assets, if it is one of them} */
  Optional<Asset> get(String path) {
    return Optional.ofNullable(files.get(path));
  }

  private static String type(String name) {
    if (name.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (name.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    return "text/javascript; charset=utf-8";
  }
}
