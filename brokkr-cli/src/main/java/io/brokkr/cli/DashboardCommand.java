package io.brokkr.cli;

import io.brokkr.dashboard.BrokkrDashboard;
import io.brokkr.dashboard.DashboardOptions;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code brokkr dashboard}: the web dashboard of a namespace, served until Ctrl-C. */
@Command(name = "dashboard", description = {
    "Serves the web dashboard of the namespace: every saga live, as a graph; nodes and stranded work.",
    "It listens on 127.0.0.1 unless --bind says otherwise and is read-only unless --actions is given;"
        + " with a token, open it once as URL?token=TOKEN. Runs until Ctrl-C."})
final class DashboardCommand extends CliCommand {
  @Mixin
  ConnectionOptions connection;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + DashboardOptions.DEFAULT_PORT,
      description = "The port (default ${DEFAULT-VALUE}); 0 for a free one.")
  int port;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = DashboardOptions.DEFAULT_HOST,
      description = "The address to listen on (default ${DEFAULT-VALUE}: this machine only); 0.0.0.0 for every"
          + " interface.")
  String bind;

  @Option(names = "--actions", description = "Let operators cancel, retry and resolve sagas from the page (a token is"
      + " required when --bind is not a loopback address).")
  boolean actions;

  @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:BROKKR_DASHBOARD_TOKEN}",
      description = "A token of at least " + DashboardOptions.MIN_TOKEN_LENGTH + " characters that every request"
          + " must carry (or BROKKR_DASHBOARD_TOKEN).")
  @Nullable String token;

  /**
   * What {@code --json} prints once the dashboard serves.
   *
   * @param url where it serves, with {@code ?token=} when it has a token
   * @param namespace the namespace it shows
   * @param actions whether operators may act from it
   */
  record Serving(String url, String namespace, boolean actions) {}

  @Override
  int execute(Output out) throws Exception {
    DashboardOptions options;
    try {
      options = DashboardOptions.defaults().withHost(bind).withPort(port).withActions(actions);
      if (token != null && !token.isEmpty()) {
        options = options.withToken(token);
      }
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(), e);
    }
    Connection open = Connection.open(connection, List.of());
    BrokkrDashboard dashboard;
    try {
      dashboard = BrokkrDashboard.start(open.brokkr(), options);
    } catch (RuntimeException e) {
      open.close();
      throw new CliException(e.getMessage(), e);
    }
    // Ctrl-C ends the JVM: the dashboard, the node and the client are closed on the way out.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      dashboard.close();
      open.close();
    }, "brokkr-dashboard-close"));
    String address = dashboard.url() + (options.token().isPresent() ? "?token=" + options.token().get() : "");
    if (out.json()) {
      out.printJsonLine(new Serving(address, connection.namespace, options.actionsEnabled()));
    } else {
      out.println("dashboard of namespace \"" + connection.namespace + "\" on " + connection.redis.shown() + " at "
          + address + " (" + (options.actionsEnabled() ? "actions enabled" : "read-only") + "); Ctrl-C to stop");
    }
    out.flush();
    new CountDownLatch(1).await();
    return ExitCodes.OK;
  }
}
