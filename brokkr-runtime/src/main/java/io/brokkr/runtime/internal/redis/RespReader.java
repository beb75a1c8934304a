package io.brokkr.runtime.internal.redis;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads Redis's replies (RESP2) from a stream, as Redisson's {@code StringCodec} decodes them: texts,
 * whole numbers as {@link Long}, arrays as lists, nil as null, and an error as an {@link Error}.
 */
final class RespReader {
  /** An error reply: its message, such as {@code ERR Function not found}. */
  record Error(String message) {}

  private final InputStream in;
  private final byte[] buffer = new byte[64 * 1024];
  private int position;
  private int limit;

  RespReader(InputStream in) {
    this.in = in;
  }

  /** The next reply; blocks until it is whole. */
  @Nullable Object next() throws IOException {
    byte kind = take();
    return switch (kind) {
      case '+' -> line();
      case '-' -> new Error(line());
      case ':' -> Long.parseLong(line());
      case '$' -> bulk(Integer.parseInt(line()));
      case '*' -> array(Integer.parseInt(line()));
      default -> throw new IOException("not a Redis reply: it starts with byte " + kind);
    };
  }

  private @Nullable List<@Nullable Object> array(int count) throws IOException {
    if (count < 0) {
      return null;
    }
    List<@Nullable Object> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      values.add(next());
    }
    return values;
  }

  private @Nullable String bulk(int length) throws IOException {
    if (length < 0) {
      return null;
    }
    String text;
    if (limit - position >= length) {
      text = new String(buffer, position, length, StandardCharsets.UTF_8);
      position += length;
    } else {
      byte[] bytes = new byte[length];
      for (int got = 0; got < length; ) {
        if (position == limit) {
          fill();
        }
        int n = Math.min(length - got, limit - position);
        System.arraycopy(buffer, position, bytes, got, n);
        position += n;
        got += n;
      }
      text = new String(bytes, StandardCharsets.UTF_8);
    }
    take(); // CR
    take(); // LF
    return text;
  }

  private String line() throws IOException {
    ByteArrayOutputStream text = new ByteArrayOutputStream(32);
    for (byte b; (b = take()) != '\r'; ) {
      text.write(b);
    }
    take(); // LF
    return text.toString(StandardCharsets.UTF_8);
  }

  private byte take() throws IOException {
    if (position == limit) {
      fill();
    }
    return buffer[position++];
  }

  private void fill() throws IOException {
    int n = in.read(buffer);
    if (n < 0) {
      throw new EOFException("Redis closed the connection");
    }
    position = 0;
    limit = n;
  }
}
