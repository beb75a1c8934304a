package test;

import io.brokkr.dsl.Durations;
import io.brokkr.dsl.RetrySpec;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.dsl.SagaTemplateBuilder;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaHandle;
import io.brokkr.runtime.TypeRef;
import io.brokkr.runtime.Worker;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Runs the saga {@code Hammer} declared by {@link HammerSaga}. Call {@link #register} on every
 * node that runs its steps, then {@link #start} to start a saga.
 */
@Generated("io.brokkr.processor.SagaProcessor")
public final class HammerSagaLauncher {
  /**
   * The saga's template, as checked at compile time: tools and the runtime see this one model.
   */
  public static final SagaTemplate TEMPLATE = template();

  /**
   * The worker name of step {@code head}.
   */
  public static final String HEAD_WORKER = "Hammer.head";

  /**
   * The worker name of the compensator of step {@code head}.
   */
  public static final String HEAD_COMPENSATOR_WORKER = "Hammer.destroyHead";

  /**
   * The worker name of step {@code handle}.
   */
  public static final String HANDLE_WORKER = "HandleFactory";

  /**
   * The worker name of step {@code hammer}.
   */
  public static final String HAMMER_WORKER = "Hammer.hammer";

  /**
   * The worker name of step {@code inventory}.
   */
  public static final String INVENTORY_WORKER = "Hammer.inventory";

  /**
   * Reads JSON values as {@code Map<String, List<HammerSaga.HeadId>>}.
   */
  private static final TypeRef<Map<String, List<HammerSaga.HeadId>>> MAP_OF_STRING_AND_LIST_OF_HEAD_ID = new TypeRef<>() {};

  /**
   * Not instantiable: every member is static.
   */
  private HammerSagaLauncher() {
  }

  /**
   * Registers on {@code brokkr} one worker per step and compensator of the saga, each calling its
   * method on {@code saga}. Call it on every node that runs the saga's steps.
   *
   * @param brokkr the node that runs the steps
   * @param saga the object whose methods run the steps
   * @throws IllegalArgumentException when the node has a worker of one of these names already
   */
  public static void register(Brokkr brokkr, HammerSaga saga) {
    brokkr.registerWorker(Worker.sync(HEAD_WORKER, step -> {
      String headType = step.arg(0, String.class);
      return saga.head(headType, step.context());
    }));
    brokkr.registerWorker(Worker.async(HANDLE_WORKER, step -> {
      int size = step.arg(0, Integer.class);
      saga.handle(size);
    }));
    brokkr.registerWorker(Worker.sync(HAMMER_WORKER, step -> {
      HammerSaga.HeadId head = step.dependencyResult(0, HammerSaga.HeadId.class);
      Integer handle = step.dependencyResult(1, Integer.class);
      return saga.hammer(head, handle);
    }));
    brokkr.registerWorker(Worker.sync(INVENTORY_WORKER, step -> {
      HammerSaga.Hammer hammer = step.dependencyResult(0, HammerSaga.Hammer.class);
      return saga.inventory(hammer);
    }));
    brokkr.registerWorker(Worker.sync(HEAD_COMPENSATOR_WORKER, step -> {
      HammerSaga.HeadId head = step.dependencyResult(0, HammerSaga.HeadId.class);
      String headType = step.arg(0, String.class);
      saga.destroyHead(head, headType);
      return null;
    }));
  }

  /**
   * Starts a saga from {@link #TEMPLATE}; the nodes that registered its workers run its steps.
   *
   * @param brokkr the node that stores the saga
   * @param headType the saga input {@code headType}
   * @param size the saga input {@code size}
   * @return the saga's handle, whose result is the result of its final step, {@code inventory}
   */
  public static SagaHandle<Map<String, List<HammerSaga.HeadId>>> start(Brokkr brokkr,
      String headType, int size) {
    Objects.requireNonNull(headType, "headType");
    return brokkr.start(TEMPLATE, Map.of("headType", headType, "size", size))
        .map(results -> results.get("inventory", MAP_OF_STRING_AND_LIST_OF_HEAD_ID));
  }

  /**
   * Finishes the async step {@code handle} of a saga, from any thread or node;
   * the steps that depend on it receive {@code result}.
   *
   * @param brokkr a node of the saga's namespace
   * @param sagaId the saga's id, from {@link io.brokkr.runtime.SagaHandle#sagaId()}
   * @param result the step's result
   * @return true when this call finished the step; false when it was settled already
   * @throws IllegalArgumentException when the namespace has no saga of that id
   */
  public static boolean finishHandle(Brokkr brokkr, String sagaId, Integer result) {
    return saga(brokkr, sagaId).stepFinished("handle", result);
  }

  /**
   * Fails the async step {@code handle} of a saga, from any thread or node:
   * the saga compensates.
   *
   * @param brokkr a node of the saga's namespace
   * @param sagaId the saga's id, from {@link io.brokkr.runtime.SagaHandle#sagaId()}
   * @param reason why the step failed
   * @return true when this call failed the step; false when it was settled already
   * @throws IllegalArgumentException when the namespace has no saga of that id
   */
  public static boolean failHandle(Brokkr brokkr, String sagaId, String reason) {
    return saga(brokkr, sagaId).stepFailed("handle", reason);
  }

  /**
   * The saga of that id, or an exception naming it and the namespace.
   */
  private static Saga saga(Brokkr brokkr, String sagaId) {
    return brokkr.getSaga(sagaId).orElseThrow(() -> new IllegalArgumentException(
        "no saga \"" + sagaId + "\" in namespace " + brokkr.namespace()));
  }

  /**
   * Builds {@link #TEMPLATE} with the builder DSL.
   */
  private static SagaTemplate template() {
    SagaTemplateBuilder saga = SagaTemplate.named("Hammer")
        .input("headType", "java.lang.String")
        .input("size", "int");
    saga.step("head").inputs("headType").output("test.HammerSaga.HeadId")
        .retry(RetrySpec.NODE_DEFAULT.withMaxAttempts(5).withBackoff(Durations.parse("200ms")))
        .timeout(Durations.parse("30s"));
    saga.step("handle").worker("HandleFactory").inputs("size").output("java.lang.Integer").async();
    saga.step("hammer").dependsOn("head", "handle").output("test.HammerSaga.Hammer");
    saga.step("inventory").dependsOn("hammer")
        .output("java.util.Map<java.lang.String, java.util.List<test.HammerSaga.HeadId>>");
    saga.compensate("head", "Hammer.destroyHead", List.of(), List.of("headType"));
    return saga.build();
  }
}
