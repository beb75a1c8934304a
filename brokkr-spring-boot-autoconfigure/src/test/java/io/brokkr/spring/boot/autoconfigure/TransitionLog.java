package io.brokkr.spring.boot.autoconfigure;

import io.brokkr.runtime.SagaListener;
import io.brokkr.runtime.SagaStatus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A SagaListener bean: it records the saga transitions it sees. */
public class TransitionLog implements SagaListener {
  final List<String> sagas = new CopyOnWriteArrayList<>();

  @Override
  public void onSagaTransition(String sagaId, SagaStatus from, SagaStatus to) {
    sagas.add(sagaId + " " + from + " -> " + to);
  }
}
