package io.brokkr.bench;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testserver.TestServer;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

/**
 * A fresh Temporal test server with a client and a worker factory on it, for one run. The server
 * always lives in this JVM; {@link #inProcess()} reaches it through an in-process channel, as
 * {@code TestWorkflowEnvironment} does, {@link #overGrpc()} through a {@code WorkflowServiceStubs}
 * client on a loopback port, as a service would reach a Temporal cluster.
 */
final class TemporalSite implements AutoCloseable {
  /** The namespace of the gRPC site; the test server takes any. */
  private static final String NAMESPACE = "default";

  private final WorkflowClient client;
  private final WorkerFactory workers;
  private final AutoCloseable resources;

  private TemporalSite(WorkflowClient client, WorkerFactory workers, AutoCloseable resources) {
    this.client = client;
    this.workers = workers;
    this.resources = resources;
  }

  /** {@code TestWorkflowEnvironment}: the in-memory test server, real time (no time skipping). */
  static TemporalSite inProcess() {
    TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(
        TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    return new TemporalSite(env.getWorkflowClient(), env.getWorkerFactory(), env::close);
  }

  /** The test server as a gRPC service on a free loopback port, reached by a {@code WorkflowServiceStubs} client. */
  static TemporalSite overGrpc() throws IOException {
    int port = freePort();
    // true: time skipping locked, i.e. real time, as in inProcess(). Unlocked, the server jumps its
    // clock while no activity runs, and the SDK fails converting the jumped durations.
    TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(port, true);
    WorkflowServiceStubs stubs;
    try {
      stubs = WorkflowServiceStubs.newServiceStubs(
          WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + port).build());
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    WorkflowClient client = WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder().setNamespace(NAMESPACE).build());
    WorkerFactory workers = WorkerFactory.newInstance(client);
    return new TemporalSite(client, workers, () -> {
      workers.shutdownNow();
      workers.awaitTermination(10, TimeUnit.SECONDS);
      stubs.shutdownNow();
      stubs.awaitTermination(10, TimeUnit.SECONDS);
      server.close();
    });
  }

  WorkflowClient client() {
    return client;
  }

  WorkerFactory workers() {
    return workers;
  }

  @Override
  public void close() throws Exception {
    resources.close();
  }

  /** A port nothing listens on now; the server binds it a moment later (the test server cannot report a port 0 bound). */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
