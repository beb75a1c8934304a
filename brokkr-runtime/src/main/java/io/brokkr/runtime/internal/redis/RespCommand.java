package io.brokkr.runtime.internal.redis;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A command in Redis's wire format (RESP): an array of bulk strings, encoded on the caller's thread. */
final class RespCommand {
  private final byte[][] parts;
  private int count;
  private int size;

  private RespCommand(int capacity) {
    parts = new byte[capacity][];
  }

  /** {@code FCALL function numkeys key… arg…}, each value as its text in UTF-8. */
  static byte[] fcall(String function, String[] keys, Object[] args) {
    RespCommand command = new RespCommand(3 + keys.length + args.length);
    command.add("FCALL").add(function).add(Integer.toString(keys.length));
    for (String key : keys) {
      command.add(key);
    }
    for (Object arg : args) {
      command.add(arg.toString());
    }
    return command.bytes();
  }

  /** A command of the given words, such as {@code AUTH} or {@code SELECT} with their arguments. */
  static byte[] of(String... words) {
    RespCommand command = new RespCommand(words.length);
    for (String word : words) {
      command.add(word);
    }
    return command.bytes();
  }

  private RespCommand add(String part) {
    byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
    parts[count++] = bytes;
    size += bytes.length + 14; // '$', up to 10 digits of length, CR LF twice
    return this;
  }

  private byte[] bytes() {
    byte[] into = new byte[size + 13];
    int at = header('*', count, into, 0);
    for (int i = 0; i < count; i++) {
      at = header('$', parts[i].length, into, at);
      System.arraycopy(parts[i], 0, into, at, parts[i].length);
      at += parts[i].length;
      into[at++] = '\r';
      into[at++] = '\n';
    }
    return Arrays.copyOf(into, at);
  }

  private static int header(char kind, int n, byte[] into, int at) {
    into[at++] = (byte) kind;
    String digits = Integer.toString(n);
    for (int i = 0; i < digits.length(); i++) {
      into[at++] = (byte) digits.charAt(i);
    }
    into[at++] = '\r';
    into[at++] = '\n';
    return at;
  }
}
