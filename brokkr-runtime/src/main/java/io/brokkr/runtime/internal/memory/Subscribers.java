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
 * them wants the moves that settle nothing: a step's, and a saga's into a status not settled. A node
 * reads those only for its listeners (a settling it reads to complete outcomes): subscribed to its
 * own work, it wants them once its view follows every saga, which it does when it has listeners. So
 * where no subscriber wants them, a saga makes none of those events at all: three or four a step and
 * one or two a saga that nobody would read.
 */
final class Subscribers implements StoreListener {
  private static final Logger LOG = LoggerFactory.getLogger(Subscribers.class);

  private final String namespace;
  /** Copied when one subscribes or leaves (rare), read at every event without an iterator. */
  private volatile Subscriber[] subscribers = new Subscriber[0];
  /** How many subscribers want the moves that settle nothing; read at every such move. */
  private volatile int wantingMoves;

  /** One subscription: its listener, and whether it wants the moves (guarded by the {@code Subscribers}). */
  static final class Subscriber {
    private final StoreListener listener;
    private boolean moves;
    private boolean subscribed = true;

    private Subscriber(StoreListener listener, boolean moves) {
      this.listener = listener;
      this.moves = moves;
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

  /** Adds a subscriber, which wants the moves that settle nothing from now on, or not until {@link #wantMoves}. */
  synchronized Subscriber add(StoreListener listener, boolean moves) {
    Subscriber subscriber = new Subscriber(listener, moves);
    Subscriber[] more = Arrays.copyOf(subscribers, subscribers.length + 1);
    more[subscribers.length] = subscriber;
    subscribers = more;
    if (moves) {
      wantingMoves++;
    }
    return subscriber;
  }

  /** From now on, the subscriber wants the moves that settle nothing too (nothing once it left). */
  synchronized void wantMoves(Subscriber subscriber) {
    if (subscriber.subscribed && !subscriber.moves) {
      subscriber.moves = true;
      wantingMoves++;
    }
  }

  /** Takes the subscriber out; nothing when it already left. */
  synchronized void remove(Subscriber subscriber) {
    if (!subscriber.subscribed) {
      return;
    }
    subscriber.subscribed = false;
    if (subscriber.moves) {
      wantingMoves--;
    }
    List<Subscriber> kept = new ArrayList<>(Arrays.asList(subscribers));
    kept.remove(subscriber);
    subscribers = kept.toArray(Subscriber[]::new);
  }

  /**
   * Whether a saga makes events of the moves that settle nothing. A subscriber that comes to want
   * them while a saga moves may miss that move, as it would have if it had come a moment later.
   */
  boolean movesWanted() {
    return wantingMoves > 0;
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
