package io.brokkr.dashboard.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.brokkr.dashboard.HostCsrfToken;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaPage;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.StepSummary;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request: the guard first, then the page and its files, or the API.
 *
 * <pre>
 * GET  /                                the page (hash routes: #/, #/sagas, #/saga/ID)
 * GET  /app.css, /js/*.js               its style and scripts
 * GET  /api/config                      namespace, enabled actions, the CSRF token (and the server's)
 * GET  /api/overview                    counts, activity, nodes, ready queues, stranded work
 * GET  /api/sagas?status=&amp;name=&amp;since=&amp;waitingOn=&amp;id=&amp;limit=&amp;cursor=   a page of sagas
 * GET  /api/sagas/ID                    a saga with its steps
 * GET  /api/sagas/ID/steps/STEP         a step with its args and results
 * POST /api/sagas/ID/ACTION             an action ({"reason": ...}), when enabled
 * GET  /api/events                      Server-Sent Events: transitions, overview, reset
 * </pre>
 */
final class Router implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(Router.class);

  private final Brokkr brokkr;
  private final Guard guard;
  private final Assets assets;
  private final PageActions actions;
  private final Overview overview;
  private final EventHub hub;
  private final Clock clock;

  Router(Brokkr brokkr, Guard guard, Assets assets, PageActions actions, Overview overview, EventHub hub,
      Clock clock) {
    this.brokkr = brokkr;
    this.guard = guard;
    this.assets = assets;
    this.actions = actions;
    this.overview = overview;
    this.hub = hub;
    this.clock = clock;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    handle(exchange, Optional.empty());
  }

  /** Serves a request; {@code hostToken} is the CSRF token of the server that mounts the dashboard, if any. */
  void handle(HttpExchange exchange, Optional<HostCsrfToken> hostToken) throws IOException {
    try {
      Guard.secureHeaders(exchange);
      route(exchange, hostToken);
    } catch (Exchanges.BadRequest e) {
      Exchanges.error(exchange, 400, e.getMessage());
    } catch (IllegalArgumentException e) {
      // The runtime's own checks (a bad cursor, a saga name breaking the id rules) quote the value.
      Exchanges.error(exchange, 400, e.getMessage());
    } catch (IOException e) {
      // The page went away.
      exchange.close();
    } catch (RuntimeException e) {
      LOG.warn("the dashboard failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
      Exchanges.error(exchange, 500, "the dashboard failed: " + e);
    }
  }

  private void route(HttpExchange exchange, Optional<HostCsrfToken> hostToken) throws IOException {
    String method = exchange.getRequestMethod();
    List<String> path = Exchanges.segments(exchange);
    if (path.isEmpty() && method.equals("GET") && guard.tokenInQuery(exchange)) {
      // The token moves to a cookie, and out of the address bar and the history.
      exchange.getResponseHeaders().add("Set-Cookie", guard.tokenCookie());
      exchange.getResponseHeaders().set("Location", "./");
      Exchanges.send(exchange, 303, "text/plain; charset=utf-8", new byte[0]);
      return;
    }
    Optional<Guard.Refusal> refused = guard.checkRead(exchange);
    if (refused.isPresent()) {
      Exchanges.error(exchange, refused.get().status(), refused.get().message());
      return;
    }
    boolean api = !path.isEmpty() && path.get(0).equals("api");
    if (method.equals("POST") && api) {
      post(exchange, path.subList(1, path.size()));
    } else if (!method.equals("GET") && !method.equals("HEAD")) {
      exchange.getResponseHeaders().set("Allow", "GET, HEAD, POST");
      Exchanges.error(exchange, 405, method + " is not served here");
    } else if (api) {
      get(exchange, path.subList(1, path.size()), hostToken);
    } else {
      String file = path.isEmpty() ? "index.html" : String.join("/", path);
      Optional<Assets.Asset> asset = assets.get(file);
      if (asset.isEmpty()) {
        Exchanges.error(exchange, 404, "no such page");
        return;
      }
      Exchanges.send(exchange, 200, asset.get().contentType(), asset.get().bytes());
    }
  }

  private void get(HttpExchange exchange, List<String> path, Optional<HostCsrfToken> hostToken) throws IOException {
    String first = path.isEmpty() ? "" : path.get(0);
    if (path.size() == 1 && first.equals("config")) {
      ObjectNode config = Exchanges.JSON.createObjectNode().put("namespace", brokkr.namespace())
          .put("csrfHeader", Guard.CSRF_HEADER).put("csrfToken", guard.csrfToken());
      ArrayNode enabled = config.putArray("actions");
      actions.names().forEach(enabled::add);
      // The mounting server's own CSRF token: the page sends it with its actions too.
      hostToken.ifPresent(host -> config.putObject("hostCsrf").put("header", host.headerName())
          .put("token", host.token()));
      Exchanges.json(exchange, 200, config);
    } else if (path.size() == 1 && first.equals("overview")) {
      Exchanges.json(exchange, 200, overview.read());
    } else if (path.size() == 1 && first.equals("events")) {
      events(exchange);
    } else if (path.size() == 1 && first.equals("sagas")) {
      list(exchange);
    } else if (path.size() == 2 && first.equals("sagas")) {
      Optional<Saga> saga = brokkr.getSaga(path.get(1));
      if (saga.isEmpty()) {
        Exchanges.error(exchange, 404, "no saga \"" + path.get(1) + "\" in namespace \"" + brokkr.namespace() + "\"");
        return;
      }
      Exchanges.json(exchange, 200, SagaJson.detail(saga.get(), actions));
    } else if (path.size() == 4 && first.equals("sagas") && path.get(2).equals("steps")) {
      step(exchange, path.get(1), path.get(3));
    } else {
      Exchanges.error(exchange, 404, "no such resource");
    }
  }

  private void list(HttpExchange exchange) throws IOException {
    ListParams params = ListParams.of(Exchanges.query(exchange), clock);
    SagaPage page;
    if (params.sagaId().isPresent()) {
      // A search by id finds that saga, whatever the other filters say.
      page = new SagaPage(brokkr.getSaga(params.sagaId().get()).map(s -> List.of(s.getSummary())).orElse(List.of()),
          Optional.empty());
    } else {
      page = brokkr.findSagas(params.query());
    }
    ObjectNode body = Exchanges.JSON.createObjectNode();
    ArrayNode rows = body.putArray("sagas");
    page.sagas().forEach(s -> rows.add(SagaJson.row(s)));
    body.put("nextCursor", page.nextCursor().orElse(null));
    Exchanges.json(exchange, 200, body);
  }

  private void step(HttpExchange exchange, String sagaId, String stepId) throws IOException {
    Optional<Saga> saga = brokkr.getSaga(sagaId);
    Optional<SagaStep> step = saga.flatMap(s -> s.getStep(stepId));
    Optional<StepSummary> summary = saga.flatMap(s -> s.getStepSummaries().stream()
        .filter(x -> x.stepId().equals(stepId)).findFirst());
    if (step.isEmpty() || summary.isEmpty()) {
      Exchanges.error(exchange, 404, "no step \"" + stepId + "\" in saga \"" + sagaId + "\"");
      return;
    }
    ObjectNode detail = SagaJson.stepDetail(step.get(), summary.get());
    ArrayNode offered = detail.putArray("actions");
    actions.offeredOn(saga.get().getStatus(), summary.get()).forEach(offered::add);
    Exchanges.json(exchange, 200, detail);
  }

  private void events(HttpExchange exchange) throws IOException {
    SseClient client = new SseClient();
    if (!hub.subscribe(client)) {
      Exchanges.error(exchange, 503, "too many pages listen to this dashboard (" + EventHub.MAX_PAGES + ")");
      return;
    }
    try {
      client.stream(exchange);
    } finally {
      hub.unsubscribe(client);
    }
  }

  private void post(HttpExchange exchange, List<String> path) throws IOException {
    Optional<Guard.Refusal> refused = guard.checkAction(exchange);
    if (refused.isPresent()) {
      Exchanges.error(exchange, refused.get().status(), refused.get().message());
      return;
    }
    if (path.size() != 3 || !path.get(0).equals("sagas")) {
      Exchanges.error(exchange, 404, "no such action");
      return;
    }
    Optional<PageActions.Action> action = actions.named(path.get(2));
    if (action.isEmpty()) {
      Exchanges.error(exchange, 404, "no action \"" + path.get(2) + "\"; this dashboard has " + actions.names());
      return;
    }
    ObjectNode body = Exchanges.jsonBody(exchange);
    Optional<Saga> saga = brokkr.getSaga(path.get(1));
    if (saga.isEmpty()) {
      Exchanges.error(exchange, 404, "no saga \"" + path.get(1) + "\" in namespace \"" + brokkr.namespace() + "\"");
      return;
    }
    // The history records who acted: the dashboard, and the address the request came from.
    String author = "dashboard (" + exchange.getRemoteAddress().getAddress().getHostAddress() + ")";
    PageActions.Outcome outcome = action.get().apply(saga.get().actingAs(author), body);
    LOG.info("dashboard action {} on saga {}: {}", action.get().name(), saga.get().getId(), outcome.message());
    Exchanges.json(exchange, outcome.applied() ? 200 : 409, Exchanges.JSON.createObjectNode()
        .put("applied", outcome.applied()).put("message", outcome.message())
        .put("status", saga.get().getStatus().name()));
  }
}
