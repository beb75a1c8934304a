package io.brokkr.runtime.internal;

import io.brokkr.runtime.spi.StoreRejectedException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** Store calls as the public API reports them. */
final class Calls {
  private Calls() {}

  /**
   * Runs a store call, turning a rejection into the exception the API documents: an
   * {@link IllegalArgumentException} for a bad argument, an {@link IllegalStateException} otherwise.
   */
  static <T> T store(Supplier<T> call) {
    try {
      return call.get();
    } catch (StoreRejectedException e) {
      throw e.reason().isBadArgument()
          ? new IllegalArgumentException(e.getMessage(), e)
          : new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * An async variant of a call: it runs on the caller's thread, so the stage is complete when it is
   * returned, once the store applied the call (or failed, with the exception the call threw).
   */
  static <T> CompletionStage<T> async(Supplier<T> call) {
    try {
      return CompletableFuture.completedFuture(call.get());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
