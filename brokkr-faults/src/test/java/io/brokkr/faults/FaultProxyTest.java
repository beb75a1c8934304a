package io.brokkr.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fault proxy in front of a real redis-server, seen by a plain socket client. */
class FaultProxyTest {
  @TempDir
  Path dir;

  private RedisProcess redis;
  private FaultProxy proxy;

  @BeforeEach
  void start() throws IOException {
    redis = RedisProcess.start(dir, Persistence.NONE);
    proxy = FaultProxy.to(redis.port());
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    redis.close();
  }

  @Test
  void passesCommandsAndReplies() throws IOException {
    try (Socket client = connect()) {
      assertEquals("+PONG", send(client, "PING"));
    }
  }

  @Test
  void droppedRepliesStillRunTheCommandAndHealingResetsTheConnection() throws IOException {
    try (Socket client = connect()) {
      proxy.set(ProxyMode.DROP_REPLIES);
      assertThrows(SocketTimeoutException.class, () -> send(client, "SET k applied"));
      proxy.heal();
      assertThrows(IOException.class, () -> send(client, "PING"));
    }
    assertEquals("$7\r\napplied", redis.command("GET k", Duration.ofSeconds(2)).trim());
  }

  @Test
  void aOneWayPartitionLosesTheRequest() throws IOException {
    try (Socket client = connect()) {
      proxy.set(ProxyMode.ONE_WAY);
      assertThrows(SocketTimeoutException.class, () -> send(client, "SET k lost"));
      proxy.heal();
    }
    assertEquals("$-1", redis.command("GET k", Duration.ofSeconds(2)).trim());
    try (Socket client = connect()) {
      assertEquals("+PONG", send(client, "PING"));
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
    socket.setSoTimeout(500);
    return socket;
  }

  /** Sends an inline command and reads one line of reply. */
  private static String send(Socket client, String command) throws IOException {
    client.getOutputStream().write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
    client.getOutputStream().flush();
    InputStream in = client.getInputStream();
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != '\n') {
      if (c < 0) {
        throw new IOException("connection closed");
      }
      line.append((char) c);
    }
    return line.toString().trim();
  }
}
