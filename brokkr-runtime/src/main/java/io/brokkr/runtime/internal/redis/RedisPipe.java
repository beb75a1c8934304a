package io.brokkr.runtime.internal.redis;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * One connection to Redis that carries the calls of many threads at once. A caller writes its command
 * itself, together with every command queued while another thread was writing (one system call for
 * all of them); one reader thread takes the replies in order and wakes each caller. Redisson's way
 * costs a call a hand-off to its event loop's thread, an epoll round, a timer and a future besides:
 * about twice the client's CPU of a call (2026-12-05-2-cores-round22.txt). Once broken or closed, a
 * pipe stays closed and its unanswered calls are told they were lost; the caller opens another.
 */
final class RedisPipe implements AutoCloseable {
  /** A command sent on the pipe and, once known, its outcome. */
  static final class Call {
    private final Thread waiter = Thread.currentThread();
    private final byte[] command;
    private volatile boolean done;
    private volatile boolean lost;
    private @Nullable Object reply;

    private Call(byte[] command) {
      this.command = command;
    }

    /** Whether the reply came or the call was lost; parks until then or for at most {@code nanos}. */
    boolean await(long nanos) {
      long end = System.nanoTime() + nanos;
      for (long left = nanos; !done && left > 0; left = end - System.nanoTime()) {
        if (Thread.currentThread().isInterrupted()) {
          return done;
        }
        LockSupport.parkNanos(this, left);
      }
      return done;
    }

    /** Whether the pipe closed before the reply came. */
    boolean lost() {
      return lost;
    }

    /** The reply; read once {@link #await} returned true and the call was not lost. */
    @Nullable Object reply() {
      return reply;
    }

    private void answer(@Nullable Object value) {
      reply = value; // published by the volatile write below
      done = true;
      LockSupport.unpark(waiter);
    }

    private void lose() {
      lost = true;
      done = true;
      LockSupport.unpark(waiter);
    }
  }

  private final Socket socket;
  private final OutputStream out;
  private final ConcurrentLinkedQueue<Call> outbox = new ConcurrentLinkedQueue<>();
  /** Written and not yet answered, in the order written: Redis answers a connection's commands in order. */
  private final ConcurrentLinkedQueue<Call> sent = new ConcurrentLinkedQueue<>();
  private final ReentrantLock writing = new ReentrantLock();
  /** The bytes of one write; only the thread that holds {@link #writing} touches it. */
  private byte[] batch = new byte[16 * 1024];
  private volatile boolean closed;

  private RedisPipe(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
  }

  /**
   * Connects to {@code address} and sends the {@code handshake} commands (AUTH, SELECT) one at a time,
   * each of which must answer OK; then starts the reader.
   *
   * @throws IOException when the connection cannot be made or a handshake command is refused
   */
  static RedisPipe open(InetSocketAddress address, int connectTimeoutMillis, int timeoutMillis, byte[]... handshake)
      throws IOException {
    Socket socket = connect(address, connectTimeoutMillis, timeoutMillis, handshake);
    try {
      RespReader replies = new RespReader(socket.getInputStream());
      socket.setSoTimeout(0);
      RedisPipe pipe = new RedisPipe(socket);
      Thread reader = new Thread(() -> pipe.read(replies), "brokkr-redis-pipe " + address);
      reader.setDaemon(true);
      reader.start();
      return pipe;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /**
   * A connection to {@code address} on which the {@code handshake} commands (AUTH, SELECT) were sent
   * one at a time, each answered OK; its reads time out after {@code timeoutMillis}.
   *
   * @throws IOException when the connection cannot be made or a handshake command is refused
   */
  static Socket connect(InetSocketAddress address, int connectTimeoutMillis, int timeoutMillis, byte[]... handshake)
      throws IOException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.setKeepAlive(true);
      socket.connect(address, connectTimeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      // Redis sends nothing after the handshake's replies until asked: the caller reads with a reader of its own.
      RespReader replies = new RespReader(socket.getInputStream());
      for (byte[] command : handshake) {
        socket.getOutputStream().write(command);
        Object reply = replies.next();
        if (reply instanceof RespReader.Error error) {
          throw new IOException("Redis at " + address + " refused the connection's setup: " + error.message());
        }
      }
      return socket;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /** Sends {@code command}; the call is answered, or lost when the pipe breaks or closes first. */
  Call send(byte[] command) {
    Call call = new Call(command);
    outbox.add(call);
    flush();
    if (closed) {
      loseAll(); // closed while the call was being queued: nobody else will answer it
    }
    return call;
  }

  boolean isOpen() {
    return !closed;
  }

  /** Closes the connection; calls not yet answered are lost. */
  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway: nothing to do about it
    }
    loseAll();
  }

  /**
   * Writes what is queued. A caller that finds another writing leaves its command to it: the writer
   * looks at the queue again after letting go of the lock, so no command is left behind.
   */
  private void flush() {
    while (!closed && !outbox.isEmpty() && writing.tryLock()) {
      try {
        int length = 0;
        for (Call call; (call = outbox.poll()) != null; ) {
          if (length + call.command.length > batch.length) {
            batch = Arrays.copyOf(batch, Math.max(batch.length * 2, length + call.command.length));
          }
          System.arraycopy(call.command, 0, batch, length, call.command.length);
          length += call.command.length;
          sent.add(call);
        }
        out.write(batch, 0, length);
      } catch (IOException e) {
        close();
      } finally {
        writing.unlock();
      }
    }
  }

  private void read(RespReader replies) {
    try {
      while (!closed) {
        Object reply = replies.next();
        Call call = sent.poll();
        if (call == null) {
          throw new IOException("Redis answered a command that was not sent");
        }
        call.answer(reply);
      }
    } catch (IOException | RuntimeException e) {
      close();
    }
  }

  private void loseAll() {
    for (Call call; (call = sent.poll()) != null; ) {
      call.lose();
    }
    for (Call call; (call = outbox.poll()) != null; ) {
      call.lose();
    }
  }
}
