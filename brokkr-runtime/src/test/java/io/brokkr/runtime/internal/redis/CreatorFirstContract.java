package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.SagaTemplate;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.RedisOptions;
import io.brokkr.runtime.SagaHandle;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepResults;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.spi.StoreBackend;
import io.brokkr.runtime.testing.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The head of a queue goes to the node that created its saga first (common.lua's publish), to every
 * node of its worker only when that node does not hear it or does not take it soon ({@link PassOn}).
 * One partition (one queue a worker) unless a test says otherwise, and no sweep during a test: what
 * moves a step from one node to another is what these rules send, not a sweep that finds a head that
 * did not move. Run on one Redis and on a Cluster, subscribed on the nodes' own connections and on
 * Redisson's: the creator's channels are sharded, each in its partition's slot, where the script's
 * {@code SPUBLISH} counts the creator on either.
 */
abstract class CreatorFirstContract {
  private static final Duration NO_SWEEP = Duration.ofMinutes(10);
  private static final SagaTemplate SLOW = SagaTemplate.named("Slow").step("slow").worker("Slow").build();

  private final String namespace = "creator-first-" + UUID.randomUUID();
  private final KeyLayout keys = new KeyLayout(namespace, 1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<Brokkr> nodes = new ArrayList<>();
  private final List<RedissonClient> ownClients = new ArrayList<>();

  @AfterEach
  void closeNodes() {
    release.countDown();
    nodes.forEach(Brokkr::close);
    ownClients.forEach(RedissonClient::shutdown);
  }

  /** The client of the Redis or Cluster under test. */
  protected abstract RedissonClient client();

  /**
   * A node's client when it subscribes through Redisson: one of its own (empty: the nodes subscribe on
   * connections of their own, {@link RedisSubscriber}, on {@link #client()}). Nodes sharing a client
   * would share its subscription connection, which Redis counts once.
   */
  protected Optional<RedissonClient> redissonOfItsOwn() {
    return Optional.empty();
  }

  private Brokkr node(String id, Duration passOnAfter, ReceivedMessages received) {
    return node(id, 1, passOnAfter, received);
  }

  private Brokkr node(String id, int partitions, Duration passOnAfter, ReceivedMessages received) {
    Optional<RedissonClient> own = redissonOfItsOwn();
    own.ifPresent(ownClients::add);
    RedisStores stores = new RedisStores(own.orElse(client()),
        RedisOptions.defaults().withPartitions(partitions).withCallListener(received)
        .withDirectConnection(own.isEmpty()), NO_SWEEP, passOnAfter);
    StoreBackend backend = stores::open;
    Brokkr node = Brokkr.builder().namespace(namespace).nodeId(id).concurrency(1).build(backend);
    nodes.add(node);
    return node;
  }

  /** A worker "Slow" that counts its runs on {@code ran} and holds the first until {@code firstHeld} opens. */
  private static Worker slow(AtomicInteger ran, CountDownLatch firstRunning, CountDownLatch firstHeld) {
    return Worker.sync("Slow", inv -> {
      if (ran.getAndIncrement() == 0) {
        firstRunning.countDown();
        assertTrue(firstHeld.await(30, TimeUnit.SECONDS), "the first step was let go");
      }
      return "done";
    });
  }

  /** Waits until {@code count} views listen for the heads of worker "Slow" on {@code channel}. */
  private void listening(String channel, int count) {
    Eventually.until(count + " subscribers of " + channel, () -> client().getTopic(channel).countSubscribers() == count);
  }

  /** A creator and another node of worker "Slow", the creator's one thread held by its first saga's step. */
  private record CreatorBusy(Brokkr creator, AtomicInteger ranByCreator, AtomicInteger ranByOther,
      ReceivedMessages heardByOther, List<SagaHandle<StepResults>> handles) {}

  private CreatorBusy creatorBusy(int partitions, ReceivedMessages heardByCreator) throws Exception {
    ReceivedMessages heardByOther = new ReceivedMessages();
    AtomicInteger ranByCreator = new AtomicInteger();
    AtomicInteger ranByOther = new AtomicInteger();
    CountDownLatch running = new CountDownLatch(1);
    Brokkr creator = node("creator", partitions, Duration.ofMinutes(10), heardByCreator);
    Brokkr other = node("other", partitions, Duration.ofMinutes(10), heardByOther);
    creator.registerWorker(slow(ranByCreator, running, release));
    other.registerWorker(slow(ranByOther, new CountDownLatch(1), new CountDownLatch(0)));
    listening(keys.workerChannel("Slow"), 2);

    List<SagaHandle<StepResults>> handles = new ArrayList<>();
    handles.add(creator.start(SLOW, Map.of()));
    assertTrue(running.await(30, TimeUnit.SECONDS), "the creator runs the first step, its one thread busy");
    return new CreatorBusy(creator, ranByCreator, ranByOther, heardByOther, handles);
  }

  private static void finished(List<SagaHandle<StepResults>> handles) throws Exception {
    for (SagaHandle<StepResults> handle : handles) {
      assertEquals(SagaStatus.FINISHED, handle.outcome().get(30, TimeUnit.SECONDS).status());
    }
  }

  /**
   * The creator runs the worker and has a thread for the step soon: the other node of that worker
   * hears nothing of it. Builds before 2026-12-06 told both, and the idle one took it.
   */
  @Test
  void aHeadItsCreatorTakesSoonReachesNoOtherNode() throws Exception {
    CreatorBusy nodes = creatorBusy(1, new ReceivedMessages());
    // The second step heads the empty queue; its creator has no thread free for it yet.
    nodes.handles().add(nodes.creator().start(SLOW, Map.of()));
    release.countDown();
    finished(nodes.handles());

    String inbox = client().<String, String>getMap(keys.sagaKey(nodes.handles().get(1).sagaId()),
        StringCodec.INSTANCE).get("in");
    assertTrue(Ids.toldFirst(inbox), "the saga keeps the inbox of a view told first: " + inbox);
    assertEquals(2, nodes.ranByCreator().get(), "the creator ran both steps");
    assertEquals(0, nodes.ranByOther().get(), "the other node ran none");
    assertEquals(Map.of(), Map.copyOf(nodes.heardByOther().byChannel), "and heard nothing");
  }

  /**
   * A creator that begins to close (it drains) hands the other nodes at once the work it was told of
   * first and did not take: here its pass-on would come after 10 minutes and no sweep runs, yet the
   * other node runs the queued step while the creator's drain still waits for its running one.
   * Before, a head told in the last moments before a node closed waited for the other nodes' sweeps.
   */
  @Test
  void aClosingCreatorHandsItsUntakenWorkToTheOtherNodesAtOnce() throws Exception {
    CreatorBusy nodes = creatorBusy(1, new ReceivedMessages());
    nodes.creator().start(SLOW, Map.of()); // heads the queue; the creator's one thread is busy
    Thread closing = new Thread(nodes.creator()::close, "closing the creator");
    closing.start();
    Eventually.until("the other node runs the queued step", () -> nodes.ranByOther().get() == 1);
    assertEquals(1, nodes.ranByCreator().get(), "the creator's first step still holds its drain");
    assertTrue(closing.isAlive(), "the creator still drains");
    release.countDown();
    closing.join(TimeUnit.SECONDS.toMillis(30));
    assertEquals(1, nodes.ranByCreator().get(), "the creator took no new work while it drained");
  }

  /**
   * With many partitions (on a Cluster, spread over every master) the head of each partition's queue
   * reaches the creator on its channel of the worker in that partition, and no other node.
   */
  @Test
  void theHeadsOfEveryPartitionReachTheirCreatorOnly() throws Exception {
    int partitions = 16;
    KeyLayout layout = new KeyLayout(namespace, partitions);
    ReceivedMessages heardByCreator = new ReceivedMessages();
    CreatorBusy nodes = creatorBusy(partitions, heardByCreator);
    List<SagaHandle<StepResults>> handles = nodes.handles();
    // Its thread held, the creator's next sagas' steps wait in their partitions' queues.
    Set<Integer> queued = new HashSet<>();
    while (queued.size() < partitions) {
      SagaHandle<StepResults> handle = nodes.creator().start(SLOW, Map.of());
      handles.add(handle);
      queued.add(layout.partitionOf(handle.sagaId()));
    }
    release.countDown();
    finished(handles);

    String inbox = client().<String, String>getMap(layout.sagaKey(handles.get(1).sagaId()), StringCodec.INSTANCE)
        .get("in");
    for (int p = 0; p < partitions; p++) {
      String channel = layout.creatorChannel("Slow", p, layout.inboxChannel(inbox));
      assertTrue(heardByCreator.on(channel) > 0, "the creator heard of partition " + p + "'s head on " + channel);
    }
    assertEquals(handles.size(), nodes.ranByCreator().get(), "the creator ran every step");
    assertEquals(0, nodes.ranByOther().get(), "the other node ran none");
    assertEquals(Map.of(), Map.copyOf(nodes.heardByOther().byChannel), "and heard nothing");
  }

  /**
   * The creator's one thread stays busy: after a short while it passes the queue's head on, and the
   * other node runs that step and the ones queued behind it, learned from its claims' replies. No
   * sweep runs: without the pass-on the creator's thread would wait for the other node for ever.
   */
  @Test
  void aQueueItsCreatorDoesNotTakeSoonGoesToTheOtherNodes() throws Exception {
    ReceivedMessages heardByOther = new ReceivedMessages();
    AtomicInteger ranByCreator = new AtomicInteger();
    AtomicInteger ranByOther = new AtomicInteger();
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch otherRanThree = new CountDownLatch(3);
    Brokkr creator = node("creator", Duration.ofMillis(50), new ReceivedMessages());
    Brokkr other = node("other", Duration.ofMillis(50), heardByOther);
    creator.registerWorker(slow(ranByCreator, running, otherRanThree));
    other.registerWorker(Worker.sync("Slow", inv -> {
      ranByOther.incrementAndGet();
      otherRanThree.countDown();
      return "done";
    }));
    listening(keys.workerChannel("Slow"), 2);

    List<SagaHandle<StepResults>> handles = new ArrayList<>();
    handles.add(creator.start(SLOW, Map.of()));
    assertTrue(running.await(30, TimeUnit.SECONDS), "the creator runs the first step");
    for (int i = 0; i < 3; i++) {
      handles.add(creator.start(SLOW, Map.of()));
    }
    finished(handles);

    assertEquals(1, ranByCreator.get(), "the creator ran the step that held its thread");
    assertEquals(3, ranByOther.get(), "the other node ran the three queued behind it");
    assertEquals(1, heardByOther.on(keys.workerChannel("Slow")), "told once, of the queue's head");
  }

  /**
   * A node that closed no longer hears its channel of the worker: the heads its sagas' steps make go
   * to every node of the worker.
   */
  @Test
  void aHeadWhoseCreatorIsGoneGoesToEveryNodeOfItsWorker() throws Exception {
    ReceivedMessages heardByRunner = new ReceivedMessages();
    CountDownLatch firstRunning = new CountDownLatch(1);
    Brokkr creator = node("creator", Duration.ofMinutes(10), new ReceivedMessages());
    Brokkr preparing = node("preparing", Duration.ofMinutes(10), new ReceivedMessages());
    Brokkr running = node("running", Duration.ofMinutes(10), heardByRunner);
    AtomicInteger ranByCreator = new AtomicInteger();
    creator.registerWorker(slow(ranByCreator, firstRunning, release));
    preparing.registerWorker(Worker.sync("Prepare", inv -> {
      assertTrue(release.await(30, TimeUnit.SECONDS), "let go");
      return "prepared";
    }));
    AtomicInteger ranByRunner = new AtomicInteger();
    running.registerWorker(Worker.sync("Slow", inv -> ranByRunner.incrementAndGet()));
    listening(keys.workerChannel("Slow"), 2);

    SagaTemplate prepared = SagaTemplate.named("Prepared")
        .step("prepare").worker("Prepare")
        .step("slow").worker("Slow").dependsOn("prepare")
        .build();
    SagaHandle<StepResults> handle = creator.start(prepared, Map.of());
    creator.close();
    listening(keys.workerChannel("Slow"), 1);
    release.countDown();

    var outcome = running.getSaga(handle.sagaId()).orElseThrow().getOutcome();
    assertEquals(SagaStatus.FINISHED, outcome.get(30, TimeUnit.SECONDS).status());
    assertEquals(1, ranByRunner.get(), "the node left ran the step");
    assertEquals(0, ranByCreator.get(), "the creator ran nothing");
    assertEquals(1, heardByRunner.on(keys.workerChannel("Slow")), "told on the worker's channel");
  }
}
