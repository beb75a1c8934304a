package io.brokkr.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on a free loopback port in front of one Redis port: the faults between one node and
 * Redis (latency, swallowed replies, blackhole, one-way partition, connection resets) are its modes.
 * Two threads per connection copy the bytes; a mode change applies to the next chunk.
 */
public final class FaultProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int upstreamPort;
  private final List<Link> links = new CopyOnWriteArrayList<>();
  private volatile ProxyMode mode = ProxyMode.PASS;
  private volatile long latencyMs;

  private FaultProxy(ServerSocket server, int upstreamPort) {
    this.server = server;
    this.upstreamPort = upstreamPort;
    Thread acceptor = new Thread(this::accept, "proxy-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A proxy to {@code 127.0.0.1:upstreamPort}. */
  public static FaultProxy to(int upstreamPort) throws IOException {
    return new FaultProxy(new ServerSocket(0, 64, InetAddress.getLoopbackAddress()), upstreamPort);
  }

  public int port() {
    return server.getLocalPort();
  }

  /** {@code redis://127.0.0.1:<port>}: the address a node behind this proxy connects to. */
  public String uri() {
    return "redis://127.0.0.1:" + port();
  }

  /** Delays every chunk by {@code ms}. */
  public void latency(long ms) {
    latencyMs = ms;
    mode = ProxyMode.LATENCY;
  }

  /** Starts a fault that swallows bytes; see {@link ProxyMode}. */
  public void set(ProxyMode value) {
    mode = value;
  }

  /** Lets bytes pass again and resets every connection that lost bytes. */
  public void heal() {
    mode = ProxyMode.PASS;
    for (Link link : links) {
      if (link.lostBytes) {
        link.reset();
      }
    }
  }

  /** Resets every open connection (RST to both ends). */
  public void resetAll() {
    links.forEach(Link::reset);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket();
        try {
          upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort), 2000);
        } catch (IOException redisDown) {
          client.setSoLinger(true, 0);
          client.close();
          continue;
        }
        Link link = new Link(client, upstream);
        links.add(link);
        link.start();
      } catch (IOException e) {
        // Closed, or one connection failed: go on while the server socket is open.
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    resetAll();
  }

  /** One client connection and its upstream twin. */
  private final class Link {
    private final Socket client;
    private final Socket upstream;
    private volatile boolean lostBytes;

    Link(Socket client, Socket upstream) {
      this.client = client;
      this.upstream = upstream;
    }

    void start() {
      pump(client, upstream, true);
      pump(upstream, client, false);
    }

    private void pump(Socket from, Socket to, boolean request) {
      Thread thread = new Thread(() -> {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream()) {
          OutputStream out = to.getOutputStream();
          int n;
          while ((n = in.read(buffer)) >= 0) {
            ProxyMode now = mode;
            if (now.drops(request)) {
              lostBytes = true;
              continue;
            }
            if (now == ProxyMode.LATENCY) {
              Pause.millis(latencyMs);
            }
            out.write(buffer, 0, n);
            out.flush();
          }
        } catch (IOException e) {
          // One side closed or was reset.
        }
        reset();
      }, "proxy-link-" + (request ? "up" : "down"));
      thread.setDaemon(true);
      thread.start();
    }

    void reset() {
      links.remove(this);
      for (Socket s : List.of(client, upstream)) {
        try {
          s.setSoLinger(true, 0);
          s.close();
        } catch (IOException e) {
          // Closed already.
        }
      }
    }
  }
}
