package io.brokkr.kafka;

import java.util.concurrent.CountDownLatch;

/**
 * A service JVM whose handler dies right after its first result was acknowledged and before the
 * request's offset is committed: {@code Runtime.halt}, as a kill -9 would.
 * Args: bootstrap servers, the test's namespace (its topics' prefix), the worker name.
 */
public final class CrashingService {
  private CrashingService() {}

  public static void main(String[] args) throws InterruptedException {
    String prefix = args[1];
    KafkaBridgeConfig config = KafkaBridgeConfig.of(args[0])
        .withTopics(new TopicNaming(prefix + ".{worker}.requests", prefix + ".results", prefix + ".dead-letters"))
        .withClientProperty("session.timeout.ms", "6000")
        .withClientProperty("heartbeat.interval.ms", "1000");
    KafkaStepService.builder(config)
        .handle(args[2], call -> new Hammers.Handle("handle-" + call.arg(0, String.class)))
        .listener(new ServiceListener() {
          @Override
          public void onResultPublished(StepRequest request, StepResult result) {
            System.out.println("published " + request.idempotencyKey() + "; halting before the commit");
            System.out.flush();
            Runtime.getRuntime().halt(137);
          }
        })
        .start();
    new CountDownLatch(1).await();
  }
}
