package io.brokkr.runtime.internal.redis;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * One connection to Redis that carries the calls of many threads at once. A caller writes its command
 * itself, together with every command queued while another thread was writing (one system call for
 * all of them). Replies are read by the callers waiting for them: one at a time reads, in order,
 * answering every call whose reply comes before its own and waking its caller; once its own came it
 * hands the reading to a caller still waiting. So a call alone on the pipe gets its reply on its own
 * thread, without a reader thread woken first to wake it (a chain's level 122 to 125 µs instead of 133
 * to 205 in interleaved processes, 2026-12-06-2-cores-round27.txt). Redisson's way costs a call a
 * hand-off to its event loop's thread, an epoll round, a timer and a future besides: about twice the
 * client's CPU of a call (2026-12-05-2-cores-round22.txt).
 *
 * <p>The reading caller blocks in the socket's read, which cannot time out without polling first (a
 * dearer read); a watch thread shared by every pipe closes one whose oldest call has waited past the
 * timeout, and the calls it leaves unanswered time out. Once broken or closed, a pipe stays closed and
 * its unanswered calls are told they were lost; the caller opens another.
 */
final class RedisPipe implements AutoCloseable {
  /** A command sent on the pipe and, once known, its outcome. */
  static final class Call {
    private final RedisPipe pipe;
    private final Thread waiter = Thread.currentThread();
    private final long sentAt = System.nanoTime();
    private final byte[] command;
    private volatile boolean done;
    private volatile boolean lost;
    private volatile boolean timedOut;
    /** Its caller stopped waiting (interrupted) and left the pipe open: it reads no more replies. */
    private volatile boolean abandoned;
    private @Nullable Object reply;

    private Call(RedisPipe pipe, byte[] command) {
      this.pipe = pipe;
      this.command = command;
    }

    /**
     * Whether the reply came or the call was lost, false when it timed out: waits until then, reading
     * the replies itself when no other caller is (until the pipe's timeout), or parks for at most {@code
     * nanos}.
     */
    boolean await(long nanos) {
      return pipe.await(this, nanos);
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
      wake();
    }

    private void lose(boolean late) {
      lost = true;
      timedOut = late;
      done = true;
      wake();
    }

    private void wake() {
      if (waiter != Thread.currentThread()) {
        LockSupport.unpark(waiter);
      }
    }
  }

  /** The pipes open in this process (the tests count them: no thread of its own shows a pipe). */
  private static final Set<RedisPipe> OPEN = ConcurrentHashMap.newKeySet();

  private final InetSocketAddress address;
  private final Socket socket;
  private final OutputStream out;
  private final ConcurrentLinkedQueue<Call> outbox = new ConcurrentLinkedQueue<>();
  /** Written and not yet answered, in the order written: Redis answers a connection's commands in order. */
  private final ConcurrentLinkedQueue<Call> sent = new ConcurrentLinkedQueue<>();
  private final ReentrantLock writing = new ReentrantLock();
  /** Held by the caller reading the replies; {@link #replies} is touched only under it. */
  private final ReentrantLock reading = new ReentrantLock();
  private final RespReader replies;
  /** The bytes of one write; only the thread that holds {@link #writing} touches it. */
  private byte[] batch = new byte[16 * 1024];
  private final long timeoutNanos;
  private final ScheduledFuture<?> watch;
  private volatile boolean closed;
  /** Closed by the watch: the calls it leaves timed out, whoever tells them (the reader's failed read may). */
  private volatile boolean closedLate;

  /** Looks at every open pipe now and then; a daemon, shared, idle between looks. */
  private static final ScheduledExecutorService WATCH = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "brokkr-redis-pipe-watch");
    thread.setDaemon(true);
    return thread;
  });

  private RedisPipe(InetSocketAddress address, Socket socket, RespReader replies, int timeoutMillis) throws IOException {
    this.address = address;
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.replies = replies;
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    // A quarter of the timeout apart: a call is found late at most a quarter of its timeout after it.
    long every = Math.max(1, timeoutMillis / 4);
    this.watch = WATCH.scheduleWithFixedDelay(this::closeIfLate, every, every, TimeUnit.MILLISECONDS);
    OPEN.add(this);
  }

  /** How many pipes of this process are open to a server on {@code port}. */
  static long openTo(int port) {
    return OPEN.stream().filter(pipe -> pipe.address.getPort() == port).count();
  }

  /**
   * Connects to {@code address} and sends the {@code handshake} commands (AUTH, SELECT) one at a time,
   * each of which must answer OK. A call not answered within {@code timeoutMillis} (and at most a
   * quarter of it more) closes the pipe.
   *
   * @throws IOException when the connection cannot be made or a handshake command is refused
   */
  static RedisPipe open(InetSocketAddress address, int connectTimeoutMillis, int timeoutMillis, byte[]... handshake)
      throws IOException {
    Socket socket = connect(address, connectTimeoutMillis, timeoutMillis, handshake);
    try {
      socket.setSoTimeout(0);
      return new RedisPipe(address, socket, new RespReader(socket.getInputStream()), timeoutMillis);
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
    Call call = new Call(this, command);
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
    close(false);
  }

  private void close(boolean late) {
    if (late) {
      closedLate = true;
    }
    closed = true;
    OPEN.remove(this);
    watch.cancel(false);
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway: nothing to do about it
    }
    loseAll();
  }

  /** The watch's look: a pipe whose oldest call has waited past the timeout is closed, its calls timed out. */
  private void closeIfLate() {
    Call oldest = sent.peek();
    if (oldest != null && System.nanoTime() - oldest.sentAt > timeoutNanos) {
      close(true);
    }
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
      // A caller may have parked while its command waited to be written and the last reader left
      // before it was sent: it reads now. (Sent, then checked; the reader lets go, then looks at what
      // was sent: one of the two sees the other.)
      if (!reading.isLocked()) {
        handOver();
      }
    }
  }

  private boolean await(Call call, long nanos) {
    long end = System.nanoTime() + nanos;
    while (!call.done) {
      if (reading.tryLock()) {
        try {
          readUntil(call);
        } finally {
          reading.unlock();
        }
        handOver();
      } else {
        long left = end - System.nanoTime();
        if (left <= 0 || Thread.currentThread().isInterrupted()) {
          if (!call.done) {
            // The reading may have been handed to this caller: hand it on (marked, then checked; see flush).
            call.abandoned = true;
            if (!reading.isLocked()) {
              handOver();
            }
          }
          return call.done && !call.timedOut; // answered meanwhile, or left by the watch's close: timed out
        }
        LockSupport.parkNanos(this, left);
      }
    }
    return !call.timedOut;
  }

  /**
   * Reads replies, answering the calls in the order sent, until {@code mine} is answered or the pipe
   * closes (the watch closes it under a read that waits too long).
   */
  private void readUntil(Call mine) {
    try {
      while (!mine.done && !closed) {
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

  /** Wakes the caller of the oldest call not answered yet whose caller still waits, if any: it reads next. */
  private void handOver() {
    for (Call next : sent) {
      if (!next.abandoned) {
        next.wake();
        return;
      }
    }
  }

  private void loseAll() {
    boolean late = closedLate;
    for (Call call; (call = sent.poll()) != null; ) {
      call.lose(late);
    }
    for (Call call; (call = outbox.poll()) != null; ) {
      call.lose(late);
    }
  }
}
