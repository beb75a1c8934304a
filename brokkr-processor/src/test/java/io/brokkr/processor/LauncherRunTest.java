package io.brokkr.processor;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.processor.backoff.ParcelSaga;
import io.brokkr.processor.backoff.ParcelSagaLauncher;
import io.brokkr.processor.hammer.Hammer;
import io.brokkr.processor.hammer.HammerSaga;
import io.brokkr.processor.hammer.HammerSagaLauncher;
import io.brokkr.processor.hammer.HandleId;
import io.brokkr.processor.hammer.HeadId;
import io.brokkr.processor.names.NamesSaga;
import io.brokkr.processor.names.NamesSagaLauncher;
import io.brokkr.processor.payment.PaymentSaga;
import io.brokkr.processor.payment.PaymentSagaLauncher;
import io.brokkr.processor.payment.Receipt;
import io.brokkr.processor.undo.ShipmentSaga;
import io.brokkr.processor.undo.ShipmentSagaLauncher;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.SagaFailedException;
import io.brokkr.runtime.SagaHandle;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the launchers that the processor generated for the test sagas (compiled with this module's
 * tests) against the in-memory runtime.
 */
class LauncherRunTest {
  private final Brokkr brokkr = Brokkr.inMemory();

  @AfterEach
  void close() {
    brokkr.close();
  }

  @Test
  void hammerSagaRunsEndToEnd() throws Exception {
    HammerSaga saga = new HammerSaga(false);
    HammerSagaLauncher.register(brokkr, saga);

    Hammer hammer = HammerSagaLauncher.start(brokkr, "ThunderBestowed", 42, List.of("rune", "strap"))
        .result().get(10, TimeUnit.SECONDS);

    assertThat(hammer).isEqualTo(
        new Hammer(new HeadId("head-ThunderBestowed"), new HandleId("handle-42"), List.of("rune", "strap")));
    assertThat(saga.log).containsAtLeast("head ThunderBestowed true", "handle 42", "hammer");
    assertThat(saga.log).doesNotContain("destroyed head-ThunderBestowed");
  }

  @Test
  void theWorkerConstantsNameTheTemplatesWorkers() {
    assertThat(HammerSagaLauncher.TEMPLATE.step("head").orElseThrow().worker())
        .isEqualTo(HammerSagaLauncher.HEAD_WORKER);
    assertThat(HammerSagaLauncher.TEMPLATE.compensationOf("head").orElseThrow().worker())
        .isEqualTo(HammerSagaLauncher.HEAD_COMPENSATOR_WORKER);
  }

  @Test
  void aNullInputIsNamedByTheLauncher() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> HammerSagaLauncher.start(brokkr, null, 42, List.of()));
    assertThat(e).hasMessageThat().isEqualTo("headType");
  }

  @Test
  void failingHammerCompensatesTheHeadWithItsResult() throws Exception {
    HammerSaga saga = new HammerSaga(true);
    HammerSagaLauncher.register(brokkr, saga);

    SagaHandle<Hammer> handle = HammerSagaLauncher.start(brokkr, "ThunderBestowed", 42, List.of());
    SagaOutcome outcome = handle.outcome().get(10, TimeUnit.SECONDS);

    assertThat(outcome.status()).isEqualTo(SagaStatus.COMPENSATED);
    assertThat(outcome.failure().orElseThrow().stepId()).isEqualTo("hammer");
    assertThat(saga.log).contains("destroyed head-ThunderBestowed");
    ExecutionException failure = assertThrows(ExecutionException.class, () -> handle.result().get());
    assertThat(failure).hasCauseThat().isInstanceOf(SagaFailedException.class);
  }

  @Test
  void aCompensatorIsRetriedPerItsOwnPolicy() throws Exception {
    ShipmentSaga saga = new ShipmentSaga(4);
    ShipmentSagaLauncher.register(brokkr, saga);

    SagaOutcome outcome = ShipmentSagaLauncher.start(brokkr, "p-1").outcome().get(10, TimeUnit.SECONDS);

    assertThat(outcome.status()).isEqualTo(SagaStatus.COMPENSATED);
    assertThat(saga.recallAttempts.get()).isEqualTo(5);
    assertThat(ShipmentSagaLauncher.TEMPLATE.compensationOf("ship").orElseThrow().timeout())
        .hasValue(java.time.Duration.ofSeconds(10));
  }

  @Test
  void aCompensatorThatOutlastsItsOwnPolicyFailsTheSaga() throws Exception {
    ShipmentSaga saga = new ShipmentSaga(5);
    ShipmentSagaLauncher.register(brokkr, saga);

    SagaOutcome outcome = ShipmentSagaLauncher.start(brokkr, "p-2").outcome().get(10, TimeUnit.SECONDS);

    assertThat(outcome.status()).isEqualTo(SagaStatus.FAILED);
    assertThat(saga.recallAttempts.get()).isEqualTo(5);
  }

  @Test
  void aStepOrCompensatorThatSetsOnlyItsBackoffTakesTheNodesDefaultAttempts() throws Exception {
    RetryPolicy five = new RetryPolicy(5, Duration.ofMillis(1), 1.0, Duration.ofMillis(1));
    try (Brokkr node = Brokkr.builder().defaultRetryPolicy(five).inMemory()) {
      ParcelSaga saga = new ParcelSaga();
      ParcelSagaLauncher.register(node, saga);

      SagaOutcome outcome = ParcelSagaLauncher.start(node, "p-3").outcome().get(10, TimeUnit.SECONDS);

      assertThat(outcome.status()).isEqualTo(SagaStatus.COMPENSATED);
      assertThat(RetryPolicy.DEFAULT.maxAttempts()).isLessThan(5);
      assertThat(saga.billAttempts.get()).isEqualTo(5);
      assertThat(saga.recallAttempts.get()).isEqualTo(5);
    }
  }

  @Test
  void asyncStepIsFinishedThroughTheTypedCompletionMethod() throws Exception {
    SagaHandle<PaymentSagaLauncher.Result> handle = startPayment(1250L, "Ada");

    assertThat(PaymentSagaLauncher.finishCharge(brokkr, handle.sagaId(), new Receipt("r-1", 1250))).isTrue();
    PaymentSagaLauncher.Result result = handle.result().get(10, TimeUnit.SECONDS);

    assertThat(result).isEqualTo(new PaymentSagaLauncher.Result(Map.of("r-1", List.of(1250L)), "to Ada: paid 1250"));
    // A late duplicate completion changes nothing.
    assertThat(PaymentSagaLauncher.finishCharge(brokkr, handle.sagaId(), new Receipt("r-2", 1))).isFalse();
  }

  @Test
  void asyncStepFailedThroughTheTypedCompletionMethodEndsTheSaga() throws Exception {
    SagaHandle<PaymentSagaLauncher.Result> handle = startPayment(99L, "Bob");
    assertThat(PaymentSagaLauncher.failCharge(brokkr, handle.sagaId(), "card declined")).isTrue();

    SagaOutcome outcome = handle.outcome().get(10, TimeUnit.SECONDS);
    assertThat(outcome.status()).isEqualTo(SagaStatus.COMPENSATED);
    assertThat(outcome.failure().orElseThrow().reason()).isEqualTo("card declined");
  }

  @Test
  void completingASagaThatDoesNotExistNamesIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PaymentSagaLauncher.finishCharge(brokkr, "no-such-saga", new Receipt("r", 1)));
    assertThat(e).hasMessageThat().contains("no saga \"no-such-saga\"");
  }

  @Test
  void inputsNamedLikeTheLaunchersOwnNamesReachTheirSteps() throws Exception {
    NamesSagaLauncher.register(brokkr, new NamesSaga());

    String greeting = NamesSagaLauncher.start(brokkr, "r", "b", 7, List.of("x", "y"))
        .result().get(10, TimeUnit.SECONDS);

    assertThat(greeting).isEqualTo("r b 7 x+y / r");
  }

  /** Starts a payment saga and waits until its async step asked for the charge. */
  private SagaHandle<PaymentSagaLauncher.Result> startPayment(long amount, String customer) throws Exception {
    PaymentSaga saga = new PaymentSaga();
    PaymentSagaLauncher.register(brokkr, saga);
    SagaHandle<PaymentSagaLauncher.Result> handle = PaymentSagaLauncher.start(brokkr, amount, customer);
    assertThat(saga.firstRequest.get(10, TimeUnit.SECONDS)).isEqualTo(handle.sagaId() + ":" + amount);
    assertThat(saga.requested).containsExactly(handle.sagaId() + ":" + amount);
    return handle;
  }
}
