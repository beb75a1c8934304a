package io.brokkr.bench;

import io.brokkr.bench.Scenario.Shape;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Saga;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The sagas of the bench as Temporal workflows, and the activities that run their steps: the same
 * graphs and the same work as {@link BrokkrShapes}. Every argument and result crosses Temporal's
 * default data converter (JSON), as Brokkr's cross its store. The types Temporal instantiates or
 * calls by reflection are public.
 */
final class TemporalShapes {
  /** A step's limit: only a stuck run reaches it, as in the other peers. */
  private static final ActivityOptions STEP = ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build();

  private TemporalShapes() {}

  /** The workflow implementations a worker registers. */
  static Class<?>[] workflowTypes() {
    return new Class<?>[] {HammerWorkflowImpl.class, ChainWorkflowImpl.class, FanoutWorkflowImpl.class};
  }

  /**
   * Starts the {@code index}-th workflow of a run; its outcome fails unless the workflow returned
   * what the graph computes.
   */
  static InJvmRuns.Launched start(WorkflowClient client, String taskQueue, String idPrefix, Shape shape, int size,
      int index) {
    String id = idPrefix + "-" + index;
    WorkflowOptions options = WorkflowOptions.newBuilder().setTaskQueue(taskQueue).setWorkflowId(id).build();
    return switch (shape) {
      case HAMMER -> {
        HammerWorkflow hammer = client.newWorkflowStub(HammerWorkflow.class, options);
        String headType = "thunder-" + index;
        WorkflowClient.start(hammer::run, headType, "short");
        yield launched(id, hammer, String.class, "head:" + headType + "+handle:short");
      }
      case CHAIN -> {
        ChainWorkflow chain = client.newWorkflowStub(ChainWorkflow.class, options);
        WorkflowClient.start(chain::run, size);
        yield launched(id, chain, Integer.class, size);
      }
      case FANOUT -> {
        FanoutWorkflow fanout = client.newWorkflowStub(FanoutWorkflow.class, options);
        WorkflowClient.start(fanout::run, size);
        yield launched(id, fanout, Integer.class, size);
      }
    };
  }

  private static <R> InJvmRuns.Launched launched(String id, Object workflow, Class<R> type, R expected) {
    CompletableFuture<R> result = WorkflowStub.fromTyped(workflow).getResultAsync(type);
    return new InJvmRuns.Launched(id, result.thenApply(r -> {
      if (!expected.equals(r)) {
        throw new IllegalStateException("workflow " + id + " returned " + r + ", expected " + expected);
      }
      return r;
    }));
  }

  /** Head and handle in parallel, then hammer with their results; head's compensation declared, never run. */
  @WorkflowInterface
  public interface HammerWorkflow {
    /** The hammer's result, {@code head:<headType>+handle:<handleSize>}. */
    @WorkflowMethod
    String run(String headType, String handleSize);
  }

  /** {@code length} links, each receiving its predecessor's result. */
  @WorkflowInterface
  public interface ChainWorkflow {
    /** The last link's result, {@code length}. */
    @WorkflowMethod
    int run(int length);
  }

  /** A root, {@code width} leaves in parallel, and a join of their results. */
  @WorkflowInterface
  public interface FanoutWorkflow {
    /** The join's result, {@code width}. */
    @WorkflowMethod
    int run(int width);
  }

  /** The steps of every shape. */
  @ActivityInterface
  public interface BenchActivities {
    /** The hammer's head. */
    String head(String headType);

    /** The hammer's handle. */
    String handle(String handleSize);

    /** The hammer, joining head and handle. */
    String hammer(String head, String handle);

    /** Head's compensation: declared by every hammer, run by none. */
    void headUndo(String headType);

    /** A chain link at {@code level}. */
    int link(int level, int previous);

    /** The fan-out's root. */
    int root();

    /** A fan-out leaf. */
    int leaf(int root);

    /** The fan-out's join: how many leaves it received. */
    int join(List<Integer> leaves);
  }

  /** The activities; chain links tell {@code clock} when they start. */
  public static final class Activities implements BenchActivities {
    private final LevelClock clock;

    Activities(LevelClock clock) {
      this.clock = clock;
    }

    @Override
    public String head(String headType) {
      return "head:" + headType;
    }

    @Override
    public String handle(String handleSize) {
      return "handle:" + handleSize;
    }

    @Override
    public String hammer(String head, String handle) {
      return head + "+" + handle;
    }

    @Override
    public void headUndo(String headType) {}

    @Override
    public int link(int level, int previous) {
      clock.started(Activity.getExecutionContext().getInfo().getWorkflowId(), level);
      return previous + 1;
    }

    @Override
    public int root() {
      return 0;
    }

    @Override
    public int leaf(int root) {
      return root + 1;
    }

    @Override
    public int join(List<Integer> leaves) {
      return leaves.size();
    }
  }

  /** The hammer, with its compensation declared through Temporal's {@link Saga}. */
  public static final class HammerWorkflowImpl implements HammerWorkflow {
    private final BenchActivities steps = Workflow.newActivityStub(BenchActivities.class, STEP);

    @Override
    public String run(String headType, String handleSize) {
      Saga saga = new Saga(new Saga.Options.Builder().build());
      try {
        Promise<String> head = Async.function(steps::head, headType);
        saga.addCompensation(steps::headUndo, headType);
        Promise<String> handle = Async.function(steps::handle, handleSize);
        return steps.hammer(head.get(), handle.get());
      } catch (ActivityFailure e) {
        saga.compensate();
        throw e;
      }
    }
  }

  /** The chain. */
  public static final class ChainWorkflowImpl implements ChainWorkflow {
    private final BenchActivities steps = Workflow.newActivityStub(BenchActivities.class, STEP);

    @Override
    public int run(int length) {
      int value = 0;
      for (int level = 0; level < length; level++) {
        value = steps.link(level, value);
      }
      return value;
    }
  }

  /** The fan-out. */
  public static final class FanoutWorkflowImpl implements FanoutWorkflow {
    private final BenchActivities steps = Workflow.newActivityStub(BenchActivities.class, STEP);

    @Override
    public int run(int width) {
      int root = steps.root();
      List<Promise<Integer>> leaves = new ArrayList<>(width);
      for (int i = 0; i < width; i++) {
        leaves.add(Async.function(steps::leaf, root));
      }
      List<Integer> results = new ArrayList<>(width);
      for (Promise<Integer> leaf : leaves) {
        results.add(leaf.get());
      }
      return steps.join(results);
    }
  }
}
