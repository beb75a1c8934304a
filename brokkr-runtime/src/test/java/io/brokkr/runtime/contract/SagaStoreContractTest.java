package io.brokkr.runtime.contract;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.BrokkrBuilder;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.StoreBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The contract of a store: every semantic of the runtime, run against the backend a subclass
 * supplies. A store passes when its subclass passes every test unchanged:
 *
 * <pre>{@code
 * class RedisSagaStoreContractTest extends SagaStoreContractTest {
 *   protected StoreBackend newBackend() { return RedisBackend.on(redisson); }
 * }
 * }</pre>
 *
 * <p>The tests live in the interfaces this class implements, one per topic.
 */
public abstract class SagaStoreContractTest implements StoreContract, DispatchContract, RetryContract, FailureDetailContract,
    CompensationContract, BadInputContract, TemplateContract, NodesContract, TakeoverContract,
    SagaApiContract, RandomSagasContract, PossiblyDoneContract, DrainContract,
    TimersContract, QueryContract, LiveNodesContract, CancelContract, OperatorActionsContract,
    TraceContextContract, AttemptSettleContract, SettledHereContract {

  private final String namespace = "contract-" + UUID.randomUUID();
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private StoreBackend backend;

  /** A new, empty backend for one test. */
  protected abstract StoreBackend newBackend();

  /** Releases a backend after its test; nothing by default. */
  protected void closeBackend(StoreBackend backend) throws Exception {}

  @BeforeEach
  final void openBackend() {
    backend = newBackend();
  }

  @AfterEach
  final void closeEverything() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
    closeBackend(backend);
  }

  @Override
  public final StoreBackend backend() {
    return backend;
  }

  @Override
  public final String namespace() {
    return namespace;
  }

  @Override
  public final Brokkr node(UnaryOperator<BrokkrBuilder> options) {
    // Nodes close at the end of each test: a short drain, so a body left blocked costs little.
    Brokkr node = options.apply(Brokkr.builder().namespace(namespace).defaultRetryPolicy(FAST)
        .drainTimeout(Duration.ofMillis(200))).build(backend);
    toClose.add(node);
    return node;
  }

  @Override
  public final SagaStore store() {
    SagaStore store = backend.open(namespace);
    toClose.add(store);
    return store;
  }
}
