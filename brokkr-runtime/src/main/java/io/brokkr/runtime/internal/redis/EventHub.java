package io.brokkr.runtime.internal.redis;

import io.brokkr.runtime.RedisCallListener;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.StoreEvent;
import io.brokkr.runtime.spi.StoreListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events one view of a namespace receives. A message is read on the thread of its subscription
 * ({@link Topics}: the reader of the backend's own connection, or Redisson's), which shows its ready
 * entries to the node at once; then it is put in its saga's order and delivered to the
 * listeners on the store's own thread, one message after the other: listeners may call the store.
 *
 * <p>A view hears only what concerns it (see common.lua): the messages of the sagas it created, on
 * its inbox (subscribed at its first creation); the ready entries that head the queues of the
 * workers it claims for (the entries behind a head it learns from its claims' replies, see {@link
 * ReadyHeads}): those of its own sagas on its channel of the worker in their partition (sharded, on
 * the server of the partition's slot), which it passes on when its threads do not take them ({@link
 * PassOn}), the others' on the worker's channel when their creator did not hear them or passed them
 * on; and every saga's messages, on every inbox, only once it was asked to watch everything (a node
 * with listeners); a wait for a saga another view created subscribes to that view's inbox. So adding
 * nodes does not multiply the messages each node reads.
 */
final class EventHub implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
  /** The most inboxes of other views followed one by one before watching everything. */
  static final int MOST_FOLLOWED = 16;

  private final Topics topics;
  private final KeyLayout keys;
  private final String inbox;
  private final ScheduledExecutorService thread;
  private final Snapshots json;
  private final Consumer<Message> arrived;
  private final Predicate<Entry> announce;
  private final Consumer<Entry> toldFirst;
  private final Runnable resubscribed;
  private final List<StoreListener> listeners = new CopyOnWriteArrayList<>();
  private final Sequencer sequencer = new Sequencer();
  private final Progress progress;
  private final RedisCallListener counted;
  private final List<Runnable> unsubscribes = new ArrayList<>();
  /** The workers whose channels (its own and every node's) this view subscribed to. */
  private final Set<String> workers = ConcurrentHashMap.newKeySet();
  private final Set<String> workerChannels = ConcurrentHashMap.newKeySet();
  /**
   * The workers whose subscriptions failed since the last sweep: the claims do not ask again (a refusal
   * for good, an ACL without {@code SSUBSCRIBE}, would cost each claim a round trip and a warning), the
   * next sweep does.
   */
  private final Set<String> failedWorkers = ConcurrentHashMap.newKeySet();
  /** The inboxes of other views whose sagas this view follows. */
  private final Set<String> followed = ConcurrentHashMap.newKeySet();
  private volatile boolean everything;
  private volatile boolean everythingWanted;
  private volatile boolean inboxSubscribed;
  private volatile boolean inboxWanted;
  private boolean closed;

  /**
   * @param inbox the channel of the sagas this view creates
   * @param announce shows a ready entry of a worker's channel to the node; false when it knew it already
   * @param toldFirst told of a head this view heard first, as its saga's creator
   */
  EventHub(Topics topics, RedisCallListener counted, KeyLayout keys, String inbox, ScheduledExecutorService thread,
      Snapshots json, Progress progress, Consumer<Message> arrived, Predicate<Entry> announce,
      Consumer<Entry> toldFirst, Runnable resubscribed) {
    this.topics = topics;
    this.keys = keys;
    this.inbox = inbox;
    this.counted = counted;
    this.progress = progress;
    this.thread = thread;
    this.json = json;
    this.arrived = arrived;
    this.announce = announce;
    this.toldFirst = toldFirst;
    this.resubscribed = resubscribed;
  }

  /**
   * Subscribes to the inbox before this view creates its first saga; returns once Redis confirmed the
   * subscription, so none of that saga's events is missed. A view that creates no saga (the CLI's
   * reads) never subscribes to its inbox. A failed subscription is logged and tried again by the next
   * creation or sweep; meanwhile the outcomes' recheck reads what the missed events would have told
   * and reads do not wait for them ({@link #hearsOwnSagas}), so a creation does not fail for it.
   */
  void ownSagas() {
    if (inboxSubscribed) {
      return; // every creation asks: the common case takes no lock
    }
    synchronized (this) {
      inboxWanted = true;
      if (!inboxSubscribed
          && subscribed(() -> listen(inbox, Topics.Kind.CHANNEL, this::receive), "the events of its own sagas")) {
        inboxSubscribed = true;
      }
    }
  }

  /**
   * From now on every saga's messages come, not only those of this view's sagas (once subscribed,
   * for good; a failed subscription is logged and tried again at the next call or sweep).
   *
   * @return whether this call subscribed (false when it was subscribed already, or failed)
   */
  synchronized boolean everything() {
    everythingWanted = true;
    if (!everything && subscribed(this::listenToAllInboxes, "the events of every saga")) {
      everything = true;
      return true;
    }
    return false;
  }

  /**
   * Tries again the subscriptions to the inbox, to every saga's messages and to the workers' channels
   * that were asked for and failed (the sweep calls).
   */
  void retrySubscriptions() {
    if (inboxWanted && !inboxSubscribed) {
      ownSagas();
    }
    if (everythingWanted && !everything) {
      everything();
    }
    for (String worker : List.copyOf(failedWorkers)) {
      failedWorkers.remove(worker);
      worker(worker);
    }
  }

  /** Runs a subscription; false, logged, when it failed (the caller tries again later). */
  private boolean subscribed(Runnable subscription, String what) {
    try {
      subscription.run();
      return true;
    } catch (RuntimeException e) {
      LOG.warn("could not subscribe to " + what + " in namespace " + keys.namespace() + "; trying again later", e);
      return false;
    }
  }

  /**
   * From now on the messages of every saga that another view (whose inbox is {@code channel})
   * created come; returns once subscribed. Past {@link #MOST_FOLLOWED} inboxes (views come and go,
   * each with a new inbox), or when the subscription fails, it watches everything instead (which
   * the sweep asks again if it fails too).
   *
   * @return whether this view began to hear messages it did not hear before
   */
  synchronized boolean inboxOf(String channel) {
    if (everything || followed.contains(channel) || channel.equals(inbox)) {
      return false;
    }
    if (followed.size() < MOST_FOLLOWED
        && subscribed(() -> listen(channel, Topics.Kind.CHANNEL, this::receive),
            "the events of the sagas of inbox " + channel)) {
      followed.add(channel);
      return true;
    }
    return everything();
  }

  /** Whether the messages of this view's own sagas come (its inbox is subscribed, or every saga's). */
  boolean hearsOwnSagas() {
    return inboxSubscribed || everything;
  }

  /** Whether every saga's messages come. */
  boolean watchesEverything() {
    return everything;
  }

  /**
   * From now on the ready entries of {@code worker} come; returns once subscribed. A subscription
   * that fails (Redis stalled past the client's timeout, or refused it) is logged and tried again by
   * the next sweep ({@link #retrySubscriptions}), not by the claims meanwhile (every claim asks): a
   * claim does not fail for it, and until then the sweep finds the entries a wake-up would have
   * announced.
   */
  void worker(String worker) {
    if (workers.contains(worker) || failedWorkers.contains(worker)) {
      return; // every claim asks: the common case takes no lock
    }
    synchronized (this) {
      if (workers.contains(worker) || failedWorkers.contains(worker)) {
        return;
      }
      // Its own channels of the worker first (a view told first has one a partition), then every
      // node's, even when one of its own failed: the scripts then find nobody there and tell every node.
      boolean own = !keys.toldFirst(inbox) || ownChannels(worker);
      if (workerChannel(keys.workerChannel(worker), Topics.Kind.CHANNEL, worker) && own) {
        workers.add(worker);
      } else {
        failedWorkers.add(worker);
      }
    }
  }

  /** Subscribes to this view's channel of {@code worker} in every partition; false at the first that failed. */
  private boolean ownChannels(String worker) {
    for (int p = 0; p < keys.partitions(); p++) {
      if (!workerChannel(keys.creatorChannel(worker, p, inbox), Topics.Kind.SHARD, worker)) {
        return false;
      }
    }
    return true;
  }

  /** Subscribes to one of a worker's channels unless it did; false when it failed (logged). */
  private boolean workerChannel(String channel, Topics.Kind kind, String worker) {
    boolean first = kind == Topics.Kind.SHARD;
    return workerChannels.contains(channel) || (subscribed(() -> listen(channel, kind, text -> wakeUp(text, first)),
        "the ready steps of worker " + worker) && workerChannels.add(channel));
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
    List<Runnable> all;
    synchronized (this) {
      closed = true;
      all = List.copyOf(unsubscribes);
      unsubscribes.clear();
    }
    all.forEach(Runnable::run);
    topics.close();
    listeners.clear();
  }

  private void listen(String channel, Topics.Kind kind, Consumer<String> handler) {
    if (isClosed()) {
      return;
    }
    keepOrUndo(topics.subscribe(channel, kind, (name, text) -> {
      counted.onMessage(channel, text.length());
      handler.accept(text);
    }, resubscriptions()));
  }

  private synchronized boolean isClosed() {
    return closed;
  }

  /**
   * What one subscription runs each time Redis confirms it: nothing the first time, {@code
   * resubscribed} after a reconnect (events may have been missed meanwhile).
   */
  private Runnable resubscriptions() {
    AtomicBoolean before = new AtomicBoolean();
    return () -> {
      if (before.getAndSet(true)) {
        resubscribed.run();
      }
    };
  }

  /** Keeps {@code unsubscribe} for close(); runs it now if close() came while subscribing. */
  private void keepOrUndo(Runnable unsubscribe) {
    synchronized (this) {
      if (!closed) {
        unsubscribes.add(unsubscribe);
        return;
      }
    }
    unsubscribe.run();
  }

  private void listenToAllInboxes() {
    if (isClosed()) {
      return;
    }
    keepOrUndo(topics.subscribe(keys.inboxPattern(), Topics.Kind.PATTERN, (channel, text) -> {
      if ((inboxSubscribed && inbox.equals(channel)) || followed.contains(channel)) {
        return; // an inbox this view subscribed to by itself delivers it (no message parsed twice)
      }
      counted.onMessage(channel, text.length());
      receive(text);
    }, resubscriptions()));
  }

  /**
   * A worker's ready entry that heads its queue in a partition (four lines, see {@link Entry}), told
   * {@code first} to this view as its saga's creator; builds before 2026-12-05 sent every entry a
   * transition made ready, one after the other.
   */
  private void wakeUp(String text, boolean first) {
    String[] lines = text.split("\n");
    for (int i = 0; i + 3 < lines.length; i += 4) {
      Optional<Entry> parsed;
      try {
        parsed = Entry.parse(String.join("\n", lines[i], lines[i + 1], lines[i + 2], lines[i + 3]));
      } catch (RuntimeException e) {
        LOG.warn("ignored a ready entry that is not a Brokkr entry: " + text, e);
        return;
      }
      Entry entry = parsed.orElseThrow();
      if (first) {
        toldFirst.accept(entry); // known or not (its saga's message may have come first), nobody else was told
      }
      if (announce.test(entry)) {
        try {
          thread.execute(() -> deliver(new StoreEvent.WorkReady(entry.step().sagaId(), entry.step().stepId(),
              entry.worker())));
        } catch (RejectedExecutionException closing) {
          return; // The store is closing: nobody listens any more.
        }
      }
    }
  }

  private void receive(String text) {
    Message message;
    try {
      message = Message.read(text, json);
    } catch (RuntimeException e) {
      LOG.warn("ignored a message that is not a Brokkr event: " + text, e);
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
