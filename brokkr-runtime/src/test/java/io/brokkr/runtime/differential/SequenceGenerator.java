package io.brokkr.runtime.differential;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.spi.ClaimRequest;
import io.brokkr.runtime.spi.SagaDraft;
import io.brokkr.runtime.spi.SagaSnapshot;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepRef;
import io.brokkr.runtime.spi.StepSnapshot;
import io.brokkr.runtime.spi.StepSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Picks the next call of a sequence from a seed and the sagas as they are now (read from the
 * reference store), so that most calls do something: settle running steps with their token, claim
 * what is queued, let leases and backoffs run out. Some calls are wrong on purpose (stale tokens,
 * unknown steps, bad dependencies), because a rejection must be the same on every store too.
 */
final class SequenceGenerator {
  /** Every saga id a sequence may use; all are loaded after each call. */
  static final List<String> SAGAS = List.of("s1", "s2", "s3", "s4", "s5", "s6");

  static final List<String> WORKERS = List.of("w1", "w2", "w3");
  /** The nodes that claim; each claims through a view of its own. */
  static final List<String> NODES = List.of("n1", "n2");
  private static final List<RetryPolicy> RETRIES = List.of(
      RetryPolicy.NO_RETRY,
      new RetryPolicy(3, Duration.ofMillis(10), 2.0, Duration.ofMillis(40)),
      new RetryPolicy(4, Duration.ofMillis(5), 1.5, Duration.ofMillis(100)),
      new RetryPolicy(2, Duration.ZERO, 1.0, Duration.ZERO),
      new RetryPolicy(3, Duration.ofMillis(7), 3.3, Duration.ofMillis(50)));
  private static final List<Duration> LEASES = List.of(Duration.ofMillis(100), Duration.ofMillis(400));
  private static final List<String> REASONS = List.of("boom", "slash/and \"quote\"", "ünïcode ✓", "tab\tand\nline");
  /** Failure details: none, or a stack trace. */
  private static final List<String> DETAILS = List.of("", "java.lang.IllegalStateException: boom\n\tat a.B.c(B.java:1)");
  private static final List<String> ARGS = List.of("[]", "[1,\"x\"]", "[{\"k\":[true,null]}]");

  /** The names sagas get; {@link Side} queries by the first. */
  static final List<String> NAMES = List.of("orders", "refunds");

  private final Random random;
  private long nowMs;
  private int names;
  /** Every token seen per step, oldest first, for stale settlers. */
  private final Map<StepRef, List<Long>> tokens = new HashMap<>();

  SequenceGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** The next call, given every saga of {@link #SAGAS} as the reference store shows it now. */
  Call next(Map<String, Optional<SagaSnapshot>> sagas) {
    nowMs += random.nextInt(16);
    List<SagaSnapshot> existing = sagas.values().stream().flatMap(Optional::stream).toList();
    List<StepSnapshot> steps = existing.stream().flatMap(s -> s.steps().stream()).toList();
    steps.forEach(s -> s.lease().ifPresent(l -> remember(s.ref(), l.token())));
    int roll = random.nextInt(100);
    // Once every id is taken a creation is a rejection; a few of those are enough.
    boolean mayCreate = existing.size() < SAGAS.size() || random.nextInt(5) == 0;
    if (existing.isEmpty() || (roll < 6 && mayCreate)) {
      return random.nextBoolean() ? new Call.CreateSaga(sagaId(sagas, 0.08), name()) : startWhole(sagas);
    }
    // Mostly a saga that still takes steps: adding to a settled one is a single rejection.
    List<SagaSnapshot> open = existing.stream()
        .filter(s -> s.status() == SagaStatus.CREATED || s.status() == SagaStatus.RUNNING).toList();
    SagaSnapshot saga = pick(open.isEmpty() || random.nextInt(8) == 0 ? existing : open);
    if (roll < 22) {
      return new Call.AddStep(saga.sagaId(), newStep(saga));
    }
    if (roll < 29) {
      return addCompensator(saga);
    }
    if (roll < 33) {
      return new Call.Start(random.nextInt(10) == 0 ? sagaId(sagas, 0.0) : saga.sagaId());
    }
    if (roll < 38 && mayCreate) {
      return startWhole(sagas);
    }
    if (roll < 54) {
      return new Call.ClaimNext(random.nextInt(12) == 0 ? "w4" : pick(WORKERS), pick(NODES), now(), pick(LEASES));
    }
    if (roll < 93 && !steps.isEmpty()) {
      return settle(roll, target(steps));
    }
    if (roll < 96) {
      return operatorAction(sagas, existing, steps);
    }
    nowMs += List.of(30, 60, 120, 450, 1000).get(random.nextInt(5));
    return new Call.FireDue(now());
  }

  /** An operator's cancel, retry (mostly of a FAILED saga) or resolve (mostly of a failed compensator or stuck step). */
  private Call operatorAction(Map<String, Optional<SagaSnapshot>> sagas, List<SagaSnapshot> existing,
      List<StepSnapshot> steps) {
    SagaSnapshot saga = pick(existing);
    int kind = random.nextInt(3);
    if (kind == 0) {
      return new Call.Cancel(random.nextInt(10) == 0 ? sagaId(sagas, 0.0) : saga.sagaId(), pick(REASONS));
    }
    if (kind == 1) {
      List<SagaSnapshot> failed = existing.stream().filter(s -> s.status() == SagaStatus.FAILED).toList();
      return new Call.Retry(failed.isEmpty() || random.nextInt(5) == 0 ? saga.sagaId() : pick(failed).sagaId());
    }
    if (steps.isEmpty()) {
      return new Call.Resolve(new StepRef(saga.sagaId(), "nope"), pick(REASONS));
    }
    List<StepSnapshot> resolvable = steps.stream().filter(s -> s.status() == StepStatus.FAILED
        || s.status() == StepStatus.QUEUED || s.status() == StepStatus.RUNNING).toList();
    StepSnapshot step = resolvable.isEmpty() || random.nextInt(4) == 0 ? pick(steps) : pick(resolvable);
    return new Call.Resolve(step.ref(), pick(REASONS));
  }

  private Call settle(int roll, StepSnapshot step) {
    StepRef ref = random.nextInt(25) == 0 ? new StepRef(step.sagaId(), "nope")
        : random.nextInt(40) == 0 ? new StepRef("s9", step.stepId()) : step.ref();
    long token = settler(step) instanceof Settler.Attempt a ? a.token() : 1;
    if (roll < 58) {
      return random.nextInt(5) == 0 ? new Call.Park(ref, token) : new Call.Heartbeat(ref, token, now().plus(pick(LEASES)));
    }
    if (roll < 67) {
      return new Call.Finish(ref, settler(step), result());
    }
    if (roll < 73) {
      return new Call.FinishAndClaim(ref, settler(step), result(), request(), 1 + random.nextInt(3));
    }
    if (roll < 82) {
      return new Call.Fail(ref, settler(step), pick(REASONS), pick(DETAILS), now());
    }
    if (roll < 86) {
      return new Call.FailUnknown(ref, token, pick(REASONS), now());
    }
    if (roll < 90) {
      return new Call.HandBack(ref, token, random.nextBoolean());
    }
    return new Call.Requeue(ref);
  }

  /** Mostly a running step, the steps worth settling; sometimes any step. */
  private StepSnapshot target(List<StepSnapshot> steps) {
    List<StepSnapshot> running = steps.stream().filter(s -> s.status() == StepStatus.RUNNING).toList();
    List<StepSnapshot> queued = steps.stream().filter(s -> s.status() == StepStatus.QUEUED).toList();
    int roll = random.nextInt(10);
    if (roll < 6 && !running.isEmpty()) {
      return pick(running);
    }
    if (roll < 8 && !queued.isEmpty()) {
      return pick(queued);
    }
    return pick(steps);
  }

  /** The attempt holding the step mostly; else an older attempt's token, or someone from outside. */
  private Settler settler(StepSnapshot step) {
    int roll = random.nextInt(10);
    List<Long> seen = tokens.getOrDefault(step.ref(), List.of());
    if (roll < 6 && step.lease().isPresent()) {
      return Settler.attempt(step.lease().get().token());
    }
    if (roll < 8 && !seen.isEmpty()) {
      return Settler.attempt(pick(seen));
    }
    if (roll < 9) {
      return Settler.attempt(1 + random.nextInt(6));
    }
    return Settler.external();
  }

  private Call addCompensator(SagaSnapshot saga) {
    List<StepSnapshot> steps = saga.steps();
    String target;
    int roll = random.nextInt(20);
    if (steps.isEmpty() || roll == 0) {
      target = "nope";
    } else {
      List<StepSnapshot> without = steps.stream().filter(s -> !s.isCompensator() && s.compensator().isEmpty()).toList();
      target = roll < 17 && !without.isEmpty() ? pick(without).stepId() : pick(steps).stepId();
    }
    StepSpec spec = spec(random.nextInt(20) == 0 && !steps.isEmpty() ? pick(steps).stepId() : newName("u"),
        random.nextInt(4) == 0 ? List.of("junk") : List.of());
    return new Call.AddCompensator(saga.sagaId(), target, spec);
  }

  /** A step to add: after some of the saga's steps; now and then a bad one. */
  private StepSpec newStep(SagaSnapshot saga) {
    List<String> actions = saga.steps().stream().filter(s -> !s.isCompensator()).map(StepSnapshot::stepId).toList();
    List<String> compensators = saga.steps().stream().filter(StepSnapshot::isCompensator).map(StepSnapshot::stepId).toList();
    String id = random.nextInt(25) == 0 && !saga.steps().isEmpty() ? pick(saga.steps()).stepId() : newName("p");
    List<String> deps = new ArrayList<>(dependencies(actions));
    switch (random.nextInt(30)) {
      case 0 -> deps.add("zz");
      case 1 -> {
        if (!deps.isEmpty()) {
          deps.add(deps.get(0));
        }
      }
      case 2 -> {
        if (!compensators.isEmpty()) {
          deps.add(pick(compensators));
        }
      }
      default -> { }
    }
    return spec(id, deps);
  }

  private List<String> dependencies(List<String> candidates) {
    Set<String> deps = new LinkedHashSet<>();
    int count = candidates.isEmpty() ? 0 : random.nextInt(Math.min(3, candidates.size()) + 1);
    for (int i = 0; i < count; i++) {
      deps.add(pick(candidates));
    }
    return List.copyOf(deps);
  }

  /** A saga's name: one of two, or none; each store must index and find it the same. */
  private Optional<String> name() {
    int roll = random.nextInt(3);
    return roll == 2 ? Optional.empty() : Optional.of(NAMES.get(roll));
  }

  /** createAndStart or createStartAndClaim of a small whole saga. */
  private Call startWhole(Map<String, Optional<SagaSnapshot>> sagas) {
    String sagaId = sagaId(sagas, 0.08);
    List<StepSpec> steps = new ArrayList<>();
    Map<String, StepSpec> compensators = new LinkedHashMap<>();
    int count = random.nextInt(5);
    for (int i = 0; i < count; i++) {
      List<String> earlier = steps.stream().map(StepSpec::stepId).toList();
      steps.add(spec(newName("p"), dependencies(earlier)));
      if (random.nextInt(3) == 0) {
        // A compensator depends on its step whatever its spec says.
        compensators.put(steps.get(i).stepId(), spec(newName("u"), random.nextInt(4) == 0 ? List.of("junk") : List.of()));
      }
    }
    switch (random.nextInt(25)) {
      case 0 -> steps.add(spec(newName("p"), List.of("zz")));
      case 1 -> {
        if (!steps.isEmpty()) {
          steps.add(spec(steps.get(0).stepId(), List.of()));
        }
      }
      case 2 -> compensators.put("nope", spec(newName("u"), List.of()));
      case 3 -> compensators.values().stream().findFirst()
          .ifPresent(c -> compensators.put(c.stepId(), spec(newName("u"), List.of())));
      case 4 -> compensators.values().stream().findFirst().ifPresent(c -> steps.stream()
          .filter(step -> !compensators.containsKey(step.stepId())).findFirst()
          .ifPresent(step -> compensators.put(step.stepId(), spec(c.stepId(), List.of()))));
      default -> { }
    }
    SagaDraft draft = new SagaDraft(sagaId, steps, compensators, name());
    if (random.nextBoolean()) {
      return new Call.CreateAndStart(draft);
    }
    return new Call.CreateStartAndClaim(draft, request(), random.nextInt(4));
  }

  private ClaimRequest request() {
    Set<String> workers = new LinkedHashSet<>();
    WORKERS.forEach(w -> {
      if (random.nextInt(3) > 0) {
        workers.add(w);
      }
    });
    return new ClaimRequest(pick(NODES), now(), pick(LEASES), workers);
  }

  private StepSpec spec(String id, List<String> deps) {
    Optional<Duration> timeout = switch (random.nextInt(4)) {
      case 0 -> Optional.of(Duration.ofMillis(60));
      case 1 -> Optional.of(Duration.ofMillis(250));
      default -> Optional.empty();
    };
    return new StepSpec(id, pick(WORKERS), deps, pick(ARGS), pick(RETRIES), timeout);
  }

  private Optional<String> result() {
    return switch (random.nextInt(5)) {
      case 0 -> Optional.empty();
      case 1 -> Optional.of("null");
      case 2 -> Optional.of("\"ü/\\\"x\"");
      default -> Optional.of("{\"n\":" + random.nextInt(100) + "}");
    };
  }

  /** An existing saga's id with probability {@code existing} (when there is one), else an unused one. */
  private String sagaId(Map<String, Optional<SagaSnapshot>> sagas, double existing) {
    List<String> used = SAGAS.stream().filter(id -> sagas.get(id).isPresent()).toList();
    List<String> free = SAGAS.stream().filter(id -> sagas.get(id).isEmpty()).toList();
    if (free.isEmpty() || (!used.isEmpty() && random.nextDouble() < existing)) {
      return pick(used);
    }
    return free.get(0);
  }

  private void remember(StepRef step, long token) {
    List<Long> seen = tokens.computeIfAbsent(step, s -> new ArrayList<>());
    if (!seen.contains(token)) {
      seen.add(token);
    }
  }

  private String newName(String prefix) {
    return prefix + (++names);
  }

  private Instant now() {
    return Call.T0.plusMillis(nowMs);
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }
}
