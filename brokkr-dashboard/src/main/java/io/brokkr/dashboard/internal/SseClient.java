package io.brokkr.dashboard.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One page's event stream, written on the server thread that took its request: it waits for the
 * hub's messages and writes them, with a comment every {@value #KEEP_ALIVE_SECONDS} s that finds a
 * page gone. A page too slow to read its messages is sent a reset instead of the backlog.
 */
final class SseClient {
  static final int KEEP_ALIVE_SECONDS = 15;
  private static final int BACKLOG = 64;
  private static final String END = "";

  private final BlockingQueue<String> messages = new ArrayBlockingQueue<>(BACKLOG);

  void offer(String message) {
    if (!messages.offer(message)) {
      messages.clear();
      messages.offer(EventHub.message("reset", Exchanges.JSON.createObjectNode().put("dropped", BACKLOG)));
    }
  }

  /** Ends the stream: the page's EventSource reconnects, to this dashboard or its successor. */
  void end() {
    messages.clear();
    messages.offer(END);
  }

  /** Writes the stream until the page goes or the hub ends it. */
  void stream(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      // The page reconnects after 2 s when the stream ends.
      write(out, "retry: 2000\n\n");
      while (true) {
        String message = messages.poll(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
        if (message == END) {
          return;
        }
        write(out, message == null ? ": keep-alive\n\n" : message);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      exchange.close();
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
