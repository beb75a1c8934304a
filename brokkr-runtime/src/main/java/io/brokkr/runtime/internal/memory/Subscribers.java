package io.brokkr.runtime.internal.memory;

import io.brokkr.runtime.spi.StoreEvent;
import io.brokkr.runtime.spi.StoreListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscribers of one namespace, to whom every saga's outbox hands its events, and whether any of
 * them wants the moves of steps. A node reads those only for its listeners: subscribed to its own
 * work, it wants them once its view follows every saga, which it does when it has listeners. So
 * where no subscriber wants them, a saga makes no {@link StoreEvent.StepMoved} at all: three or four
 * events of every step that nobody would read.
 */
final class Subscribers implements StoreListener {
  private static final Logger LOG = LoggerFactory.getLogger(Subscribers.class);

  private final String namespace;
  /** Copied when one subscribes or leaves (rare), read at every event without an iterator. */
  private volatile Subscriber[] subscribers = new Subscriber[0];
  /** How many subscribers want the moves of steps; read at every move of a step. */
  private volatile int wantingStepMoves;

  /** One subscription: its listener, and whether it wants steps' moves (guarded by the {@code Subscribers}). */
  static final class Subscriber {
    private final StoreListener listener;
    private boolean stepMoves;
    private boolean subscribed = true;

    private Subscriber(StoreListener listener, boolean stepMoves) {
      this.listener = listener;
      this.stepMoves = stepMoves;
    }
  }

  /** @param namespace names the namespace when a subscriber fails */
  Subscribers(String namespace) {
    this.namespace = namespace;
  }

  /** Subscribers of {@code listener} alone, which wants every event (a saga made apart from any namespace). */
  static Subscribers of(StoreListener listener) {
    Subscribers alone = new Subscribers("(none)");
    alone.add(listener, true);
    return alone;
  }

  /** Adds a subscriber, which wants the moves of steps from now on or not until {@link #wantStepMoves}. */
  synchronized Subscriber add(StoreListener listener, boolean stepMoves) {
    Subscriber subscriber = new Subscriber(listener, stepMoves);
    Subscriber[] more = Arrays.copyOf(subscribers, subscribers.length + 1);
    more[subscribers.length] = subscriber;
    subscribers = more;
    if (stepMoves) {
      wantingStepMoves++;
    }
    return subscriber;
  }

  /** From now on, the subscriber wants the moves of steps too (nothing once it left). */
  synchronized void wantStepMoves(Subscriber subscriber) {
    if (subscriber.subscribed && !subscriber.stepMoves) {
      subscriber.stepMoves = true;
      wantingStepMoves++;
    }
  }

  /** Takes the subscriber out; nothing when it already left. */
  synchronized void remove(Subscriber subscriber) {
    if (!subscriber.subscribed) {
      return;
    }
    subscriber.subscribed = false;
    if (subscriber.stepMoves) {
      wantingStepMoves--;
    }
    List<Subscriber> kept = new ArrayList<>(Arrays.asList(subscribers));
    kept.remove(subscriber);
    subscribers = kept.toArray(Subscriber[]::new);
  }

  /**
   * Whether a saga makes events of its steps' moves. A subscriber that comes to want them while a
   * saga moves a step may miss that move, as it would have if it had come a moment later.
   */
  boolean stepMovesWanted() {
    return wantingStepMoves > 0;
  }

  @Override
  public void onEvent(StoreEvent event) {
    for (Subscriber subscriber : subscribers) {
      try {
        subscriber.listener.onEvent(event);
      } catch (RuntimeException e) {
        LOG.warn("a subscriber of namespace " + namespace + " failed on " + event, e);
      }
    }
  }
}
