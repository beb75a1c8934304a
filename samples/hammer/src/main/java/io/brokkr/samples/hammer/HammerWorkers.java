package io.brokkr.samples.hammer;

import io.brokkr.runtime.Worker;
import java.io.PrintStream;
import java.util.List;

/** The four workers of the hammer saga, as in the original README, printing what they do. */
final class HammerWorkers {

  /** What the head factory returns, and the destroyer receives. */
  record Head(String headId) {}

  /** What the handle factory returns. */
  record Handle(String handleId) {}

  /** What the hammer factory returns: the saga's result. */
  record Hammer(String headId, String handleId) {}

  private HammerWorkers() {}

  /** The workers; with {@code hammerFails} every attempt to join head and handle fails. */
  static List<Worker> all(boolean hammerFails, PrintStream out) {
    return List.of(
        Worker.sync("HammerHeadFactory", inv -> {
          String type = inv.arg(0, String.class);
          out.println("HammerHeadFactory: forging a " + type + " head (key " + inv.context().idempotencyKey() + ")");
          return new Head("head-" + type);
        }),
        Worker.sync("HandleFactory", inv -> {
          String size = inv.arg(0, String.class);
          out.println("HandleFactory: carving a " + size + " handle");
          return new Handle("handle-" + size);
        }),
        Worker.sync("HammerFactory", inv -> {
          Head head = inv.dependencyResult(0, Head.class);
          Handle handle = inv.dependencyResult(1, Handle.class);
          if (hammerFails) {
            out.println("HammerFactory: attempt " + inv.attempt() + " to join " + head.headId() + " and "
                + handle.handleId() + " fails");
            throw new IllegalStateException("the anvil cracked");
          }
          out.println("HammerFactory: joining " + head.headId() + " and " + handle.handleId());
          return new Hammer(head.headId(), handle.handleId());
        }),
        Worker.sync("HammerHeadDestroyer", inv -> {
          Head head = inv.dependencyResult(0, Head.class);
          out.println("HammerHeadDestroyer: destroying " + head.headId() + " (args " + inv.args() + ")");
          return null;
        }));
  }
}
