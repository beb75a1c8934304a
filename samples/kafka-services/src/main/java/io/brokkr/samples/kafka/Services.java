package io.brokkr.samples.kafka;

import io.brokkr.kafka.KafkaBridgeConfig;
import io.brokkr.kafka.KafkaStepService;
import io.brokkr.samples.kafka.HammerServices.Handle;
import io.brokkr.samples.kafka.HammerServices.Hammer;
import io.brokkr.samples.kafka.HammerServices.Head;
import java.io.PrintStream;
import java.util.List;

/**
 * The three services of the hammer and the head's destroyer: in a real system, four processes on
 * their own hosts; here four services in one JVM, each with its own consumer group. Each is only
 * its business function.
 */
final class Services {
  private Services() {}

  static List<KafkaStepService> start(KafkaBridgeConfig kafka, boolean hammerFails, PrintStream out) {
    KafkaStepService heads = KafkaStepService.builder(kafka)
        .handle(HammerServicesLauncher.HEAD_WORKER, call -> {
          out.println("head service: forging a " + call.arg(0, String.class) + " head (key " + call.idempotencyKey() + ")");
          return new Head("head-" + call.arg(0, String.class));
        })
        .handle(HammerServicesLauncher.HEAD_COMPENSATOR_WORKER, call -> {
          out.println("head service: destroying " + call.dependencyResult(0, Head.class).headId());
          return null;
        })
        .start();
    KafkaStepService handles = KafkaStepService.builder(kafka)
        .handle(HammerServicesLauncher.HANDLE_WORKER, call -> {
          out.println("handle service: carving a " + call.arg(0, String.class) + " handle");
          return new Handle("handle-" + call.arg(0, String.class));
        })
        .start();
    KafkaStepService hammers = KafkaStepService.builder(kafka)
        .handle(HammerServicesLauncher.HAMMER_WORKER, call -> {
          Head head = call.dependencyResult(0, Head.class);
          Handle handle = call.dependencyResult(1, Handle.class);
          if (hammerFails) {
            out.println("hammer service: attempt " + call.attempt() + " to join " + head.headId() + " and "
                + handle.handleId() + " fails");
            throw new IllegalStateException("the anvil cracked");
          }
          out.println("hammer service: joining " + head.headId() + " and " + handle.handleId());
          return new Hammer(head.headId(), handle.handleId());
        })
        .start();
    return List.of(heads, handles, hammers);
  }
}
