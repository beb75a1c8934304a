package io.brokkr.runtime.internal.redis;

import io.brokkr.runtime.RedisCallListener;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.StoreEvent;
import io.brokkr.runtime.spi.StoreListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.api.listener.StatusListener;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The namespace's event channel as one node sees it. A message is read on Redisson's thread (which
 * shows its ready entries to the node at once), then put in its saga's order and delivered to the
 * listeners on the store's own thread, one message after the other: listeners may call the store.
 */
final class EventHub implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);

  private final RTopic topic;
  private final ScheduledExecutorService thread;
  private final Snapshots json;
  private final Consumer<Message> arrived;
  private final Runnable resubscribed;
  private final List<StoreListener> listeners = new CopyOnWriteArrayList<>();
  private final Sequencer sequencer = new Sequencer();
  private final Progress progress;
  private final AtomicBoolean subscribedBefore = new AtomicBoolean();
  private final RedisCallListener counted;
  private int statusListener;
  private int messageListener;

  EventHub(RedissonClient client, RedisCallListener counted, String channel, ScheduledExecutorService thread, Snapshots json,
      Progress progress, Consumer<Message> arrived, Runnable resubscribed) {
    this.topic = client.getTopic(channel, StringCodec.INSTANCE);
    this.counted = counted;
    this.progress = progress;
    this.thread = thread;
    this.json = json;
    this.arrived = arrived;
    this.resubscribed = resubscribed;
  }

  /** Subscribes; returns once Redis confirmed the subscription, so no later event is missed. */
  void open() {
    statusListener = topic.addListener(new StatusListener() {
      @Override
      public void onSubscribe(String channel) {
        if (subscribedBefore.getAndSet(true)) {
          resubscribed.run();
        }
      }

      @Override
      public void onUnsubscribe(String channel) {
        // Redisson resubscribes by itself after a reconnect.
      }
    });
    messageListener = topic.addListener(String.class, (channel, text) -> {
      counted.onMessage(channel.toString(), text.length());
      receive(text);
    });
  }

  SagaStore.Subscription subscribe(StoreListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Delivers an event made by this node (on the store's thread), e.g. a wake-up of the sweep. */
  void deliverLocally(StoreEvent event) {
    deliver(event);
  }

  @Override
  public void close() {
    topic.removeListener(messageListener, statusListener);
    listeners.clear();
  }

  private void receive(String text) {
    Message message;
    try {
      message = Message.read(json.tree(text), json);
    } catch (RuntimeException e) {
      LOG.warn("ignored a message on " + topic.getChannelNames() + " that is not a Brokkr event: " + text, e);
      return;
    }
    arrived.accept(message);
    progress.willArrive(message.sagaId(), message.sequence());
    try {
      thread.execute(() -> sequence(message));
    } catch (RejectedExecutionException closed) {
      // The store is closing: nobody listens any more.
    }
  }

  private void sequence(Message message) {
    boolean wasHolding = sequencer.holding();
    sequencer.accept(message, System.nanoTime()).forEach(this::deliver);
    if (!wasHolding && sequencer.holding()) {
      thread.schedule(this::expireHeld, Sequencer.HOLD_NANOS, TimeUnit.NANOSECONDS);
    }
  }

  private void expireHeld() {
    List<Message> late = sequencer.expire(System.nanoTime());
    late.stream().map(Message::sagaId).distinct().forEach(sagaId ->
        LOG.warn("some events of saga " + sagaId + " never arrived; delivering the later ones"));
    late.forEach(this::deliver);
    if (sequencer.holding()) {
      thread.schedule(this::expireHeld, Sequencer.HOLD_NANOS, TimeUnit.NANOSECONDS);
    }
  }

  private void deliver(Message message) {
    message.events().forEach(this::deliver);
    progress.delivered(message.sagaId(), message.sequence());
  }

  private void deliver(StoreEvent event) {
    for (StoreListener listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        LOG.warn("a listener failed on " + event, e);
      }
    }
  }
}
