package io.brokkr.runtime.internal.redis;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.Encoder;

/**
 * The codec of the script calls: replies decode as {@link StringCodec}'s do, to strings, but each
 * argument is encoded into a heap array that the buffer only wraps. StringCodec takes a pooled direct
 * buffer per argument on the caller's thread, which Netty's thread releases after the write; with
 * some twenty arguments a call that pool was the largest single cost of encoding a call.
 */
final class ScriptCodec extends StringCodec {
  static final ScriptCodec INSTANCE = new ScriptCodec();

  private static final Encoder ENCODER = in -> Unpooled.wrappedBuffer(in.toString().getBytes(StandardCharsets.UTF_8));

  private ScriptCodec() {}

  @Override
  public Encoder getValueEncoder() {
    return ENCODER;
  }

  @Override
  public Encoder getEncoder() {
    return ENCODER;
  }
}
