package io.brokkr.kafka;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The topics of the bridge: one request topic per worker, one results topic, one dead-letter topic.
 *
 * @param requestPattern the request topic of a worker, with {@code {worker}} where its name goes
 * @param results the topic that every service publishes its results to, and the coordinator reads
 * @param deadLetters where messages that cannot be handled go, with the reason in a header
 */
public record TopicNaming(String requestPattern, String results, String deadLetters) {
  // Before DEFAULT: its construction checks names with them.
  private static final String WORKER = "{worker}";
  private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  /** {@code brokkr.{worker}.requests}, {@code brokkr.results} and {@code brokkr.dead-letters}. */
  public static final TopicNaming DEFAULT =
      new TopicNaming("brokkr.{worker}.requests", "brokkr.results", "brokkr.dead-letters");

  /**
   * Checks each name: Kafka's legal characters, and {@code {worker}} in the request pattern.
   *
   * @param requestPattern the request topic of a worker, with {@code {worker}}
   * @param results the results topic
   * @param deadLetters the dead-letter topic
   * @throws IllegalArgumentException quoting a name Kafka would refuse
   */
  public TopicNaming {
    Objects.requireNonNull(requestPattern, "requestPattern");
    if (!requestPattern.contains(WORKER)) {
      throw new IllegalArgumentException("the request pattern \"" + requestPattern + "\" has no {worker}");
    }
    check(requestPattern.replace(WORKER, "w"));
    check(Objects.requireNonNull(results, "results"));
    check(Objects.requireNonNull(deadLetters, "deadLetters"));
  }

  /**
   * {@return the request topic of {@code worker}}
   *
   * @param worker a worker name
   */
  public String requests(String worker) {
    return check(requestPattern.replace(WORKER, worker));
  }

  private static String check(String topic) {
    if (!LEGAL.matcher(topic).matches()) {
      throw new IllegalArgumentException("\"" + topic + "\" is not a Kafka topic name: 1 to 249 of a-z A-Z 0-9 . _ -");
    }
    return topic;
  }
}
