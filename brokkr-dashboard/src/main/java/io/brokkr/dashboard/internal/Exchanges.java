package io.brokkr.dashboard.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading requests and writing responses of the JDK's server: paths, queries, JSON bodies. */
final class Exchanges {
  static final ObjectMapper JSON = new ObjectMapper();
  /** Action bodies are a reason or a note: a few kilobytes at most. */
  private static final int MAX_BODY = 64 * 1024;

  private Exchanges() {}

  /** The request path's segments, each percent-decoded ('+' stays '+': this is a path, not a form). */
  static List<String> segments(HttpExchange exchange) {
    String raw = exchange.getRequestURI().getRawPath();
    List<String> segments = new ArrayList<>();
    for (String segment : raw.split("/", -1)) {
      if (!segment.isEmpty()) {
        segments.add(decode(segment.replace("+", "%2B")));
      }
    }
    return segments;
  }

  /** The query's parameters, the first value of each. */
  static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> params = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.putIfAbsent(key, value);
    }
    return params;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("a malformed escape in \"" + text + "\"");
    }
  }

  /** The request's body as a JSON object; an empty body is an empty object. */
  static ObjectNode jsonBody(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_BODY + 1);
    }
    if (body.length > MAX_BODY) {
      throw new BadRequest("a body of more than " + MAX_BODY + " bytes");
    }
    if (body.length == 0) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode node = JSON.readTree(body);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (JsonProcessingException e) {
      // Worded below.
    }
    throw new BadRequest("the body must be a JSON object");
  }

  static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    send(exchange, status, "application/json; charset=utf-8", bytes);
  }

  /** An error as JSON: {@code {"error": message}}. */
  static void error(HttpExchange exchange, int status, String message) throws IOException {
    json(exchange, status, JSON.createObjectNode().put("error", message));
  }

  static void send(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, head || bytes.length == 0 ? -1 : bytes.length);
    if (!head && bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
    exchange.close();
  }

  /** A request the dashboard cannot serve as sent: answered 400 with its message. */
  static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
      super(message);
    }
  }
}
