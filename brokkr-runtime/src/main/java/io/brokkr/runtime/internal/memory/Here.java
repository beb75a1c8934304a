package io.brokkr.runtime.internal.memory;

import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.StepRef;
import io.brokkr.runtime.spi.StoreListener;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells one view's own listeners what the transitions of that view (its calls and its sweep) settled
 * or expired: {@link StoreListener#settledHere}, {@link StoreListener#leaseExpiredHere}.
 */
final class Here {
  private static final Logger LOG = LoggerFactory.getLogger(Here.class);

  private final List<StoreListener> listeners;

  Here(List<StoreListener> listeners) {
    this.listeners = listeners;
  }

  /** {@return {@code change}, its settling told to the listeners} */
  Change changed(Change change) {
    if (change.settling().isPresent()) {
      for (StoreListener listener : listeners) {
        try {
          listener.settledHere(change.settling().get());
        } catch (RuntimeException e) {
          LOG.warn("a listener failed on the settling of saga " + change.settling().get().sagaId(), e);
        }
      }
    }
    return change;
  }

  /** This view's sweep failed the attempt of {@code step}, whose lease expired. */
  void leaseExpired(StepRef step, String workerName) {
    for (StoreListener listener : listeners) {
      try {
        listener.leaseExpiredHere(step, workerName);
      } catch (RuntimeException e) {
        LOG.warn("a listener failed on the expired lease of " + step, e);
      }
    }
  }
}
