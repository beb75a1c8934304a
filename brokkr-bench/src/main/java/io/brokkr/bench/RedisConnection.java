package io.brokkr.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A bare RESP connection for the bench's own questions to Redis (INFO, MONITOR, ECHO): it is
 * independent of the client under test, so it neither shares nor disturbs its connections.
 */
final class RedisConnection implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private RedisConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new BufferedInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
  }

  static RedisConnection open(RedisAddress address) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(address.host(), address.port()), 5000);
    socket.setTcpNoDelay(true);
    return new RedisConnection(socket);
  }

  /** Sends one command and reads its reply: a String, a Long, a List, or null. */
  @Nullable Object call(String... args) throws IOException {
    send(args);
    return reply();
  }

  /** Sends one command without reading its reply (MONITOR replies with a stream of lines). */
  void send(String... args) throws IOException {
    StringBuilder command = new StringBuilder().append('*').append(args.length).append("\r\n");
    for (String arg : args) {
      byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
      command.append('$').append(bytes.length).append("\r\n").append(arg).append("\r\n");
    }
    out.write(command.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Reads one reply. */
  @Nullable Object reply() throws IOException {
    String line = line();
    char type = line.charAt(0);
    String rest = line.substring(1);
    return switch (type) {
      case '+' -> rest;
      case ':' -> Long.parseLong(rest);
      case '-' -> throw new IOException("Redis answered " + rest);
      case '$' -> bulk(Integer.parseInt(rest));
      case '*' -> array(Integer.parseInt(rest));
      default -> throw new IOException("unexpected RESP reply \"" + line + "\"");
    };
  }

  private @Nullable String bulk(int length) throws IOException {
    if (length < 0) {
      return null;
    }
    byte[] bytes = in.readNBytes(length + 2);
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }

  private @Nullable List<@Nullable Object> array(int length) throws IOException {
    if (length < 0) {
      return null;
    }
    List<@Nullable Object> items = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      items.add(reply());
    }
    return items;
  }

  private String line() throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new IOException("Redis closed the connection");
      }
      if (b != '\r') {
        buffer.write(b);
      }
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
