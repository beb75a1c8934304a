package io.brokkr.dashboard.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brokkr.runtime.OperatorAction;
import io.brokkr.runtime.SagaListener;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's transitions, to every open page: the listener only appends (it runs on the node's
 * listener thread, which must not wait on a browser); a thread of the hub sends what came, every
 * {@value #FLUSH_MILLIS} ms, as one event to each page. A burst larger than {@value #MAX_BATCH}
 * transitions goes out as a {@code reset} (the pages read again what they show). The overview is read
 * once for every page: at most every {@value #OVERVIEW_MIN_SECONDS} s while sagas move, every
 * {@value #OVERVIEW_MAX_SECONDS} s otherwise (live nodes change without transitions), and only while a
 * page is open. So the store's load does not grow with the number of pages.
 */
final class EventHub implements SagaListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
  static final int FLUSH_MILLIS = 250;
  static final int MAX_BATCH = 500;
  static final int OVERVIEW_MIN_SECONDS = 2;
  static final int OVERVIEW_MAX_SECONDS = 10;
  /** Each page holds a thread of the server while it listens. */
  static final int MAX_PAGES = 32;

  private final Activity activity;
  private final Supplier<ObjectNode> overview;
  private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "brokkr-dashboard-events");
    thread.setDaemon(true);
    return thread;
  });
  private List<ObjectNode> pending = new ArrayList<>();
  private int dropped;
  private boolean moved;
  private long lastOverview;

  EventHub(Activity activity, Supplier<ObjectNode> overview) {
    this.activity = activity;
    this.overview = overview;
    // nanoTime has no zero: the first overview is measured from now (a new page gets one at once).
    this.lastOverview = System.nanoTime();
  }

  void start() {
    sender.scheduleWithFixedDelay(this::send, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void onSagaTransition(String sagaId, SagaStatus from, SagaStatus to) {
    activity.saw(from, to);
    add(transition(sagaId, null, from.name(), to.name()));
  }

  @Override
  public void onStepTransition(String sagaId, String stepId, StepStatus from, StepStatus to) {
    add(transition(sagaId, stepId, from.name(), to.name()));
  }

  @Override
  public void onOperatorAction(String sagaId, OperatorAction action) {
    // The saga's page reads the saga again, its timeline with the action.
    add(transition(sagaId, action.stepId().orElse(null), null, null).put("action", action.kind().name()));
  }

  private static ObjectNode transition(String sagaId, @Nullable String stepId, @Nullable String from,
      @Nullable String to) {
    return Exchanges.JSON.createObjectNode().put("sagaId", sagaId).put("stepId", stepId).put("from", from).put("to", to);
  }

  private synchronized void add(ObjectNode transition) {
    moved = true;
    if (clients.isEmpty()) {
      return;
    }
    if (pending.size() < MAX_BATCH) {
      pending.add(transition);
    } else {
      dropped++;
    }
  }

  /** Registers a page; false when too many pages listen already. */
  boolean subscribe(SseClient client) {
    synchronized (this) {
      if (clients.size() >= MAX_PAGES) {
        return false;
      }
      clients.add(client);
    }
    // A new page gets the overview at once.
    client.offer(message("overview", overview.get()));
    return true;
  }

  void unsubscribe(SseClient client) {
    clients.remove(client);
  }

  private void send() {
    try {
      List<ObjectNode> batch;
      int lost;
      boolean anyMove;
      synchronized (this) {
        batch = pending;
        lost = dropped;
        anyMove = moved;
        pending = new ArrayList<>();
        dropped = 0;
        moved = false;
      }
      if (clients.isEmpty()) {
        return;
      }
      if (lost > 0) {
        broadcast(message("reset", Exchanges.JSON.createObjectNode().put("dropped", lost)));
      } else if (!batch.isEmpty()) {
        ObjectNode event = Exchanges.JSON.createObjectNode();
        ArrayNode transitions = event.putArray("transitions");
        batch.forEach(transitions::add);
        broadcast(message("transitions", event));
      }
      long now = System.nanoTime();
      long since = TimeUnit.NANOSECONDS.toSeconds(now - lastOverview);
      if (since >= OVERVIEW_MAX_SECONDS || (anyMove && since >= OVERVIEW_MIN_SECONDS)) {
        lastOverview = now;
        broadcast(message("overview", overview.get()));
      }
    } catch (RuntimeException e) {
      // The next round tries again: a store that failed once may answer the next time.
      LOG.warn("the dashboard could not send its events", e);
    }
  }

  private void broadcast(String message) {
    clients.forEach(client -> client.offer(message));
  }

  /** One Server-Sent Event: its name and one line of JSON. */
  static String message(String event, ObjectNode data) {
    try {
      return "event: " + event + "\ndata: " + Exchanges.JSON.writeValueAsString(data) + "\n\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Ends every page's stream and stops sending. */
  @Override
  public void close() {
    sender.shutdownNow();
    clients.forEach(SseClient::end);
    clients.clear();
  }
}
