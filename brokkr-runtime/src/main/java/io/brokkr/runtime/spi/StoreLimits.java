package io.brokkr.runtime.spi;

import io.brokkr.dsl.Names;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The limits every store applies before it writes anything: the payload limit (the largest args,
 * result or failure reason of one step, in bytes of UTF-8) and the rules for ids and worker names
 * (1 to {@value #MAX_ID_LENGTH} characters, no '{', '}' or control characters: they would move a
 * Redis key's hash tag or split a queue entry), and the bound of a claim: a claim hands over the
 * step's args and every dependency's result, each within the payload limit but a join of many
 * possibly not: inputs over {@value #CLAIM_LIMIT} bytes fail the step when it is claimed
 * ({@link #inputsTooLarge}). One set of rules for every store, so that what production refuses,
 * development refuses too, with the same message.
 *
 * @param payloadLimit the largest payload in bytes, at least {@value #MIN_PAYLOAD_LIMIT}
 */
public record StoreLimits(int payloadLimit) {
  /** The payload limit unless told otherwise: 1 MiB. */
  public static final int DEFAULT_PAYLOAD_LIMIT = 1024 * 1024;
  /** The smallest payload limit a store takes. */
  public static final int MIN_PAYLOAD_LIMIT = 1024;
  /** The most a claim's reply may carry, in bytes: the step's args and its dependencies' results. */
  public static final int CLAIM_LIMIT = 64 * 1024 * 1024;
  /** The longest id or worker name: the one limit of ids, {@link Names#MAX_ID_LENGTH}. */
  public static final int MAX_ID_LENGTH = Names.MAX_ID_LENGTH;

  /** The limits with {@link #DEFAULT_PAYLOAD_LIMIT}. */
  public static final StoreLimits DEFAULTS = new StoreLimits(DEFAULT_PAYLOAD_LIMIT);

  /**
   * Limits of {@code payloadLimit} bytes.
   *
   * @param payloadLimit the largest args, result or failure reason of one step, in bytes of UTF-8
   * @throws IllegalArgumentException when the limit is under {@value #MIN_PAYLOAD_LIMIT} bytes
   */
  public StoreLimits {
    if (payloadLimit < MIN_PAYLOAD_LIMIT) {
      throw new IllegalArgumentException("the payload limit must be at least " + MIN_PAYLOAD_LIMIT + " bytes, was "
          + payloadLimit);
    }
  }

  /**
   * Checks a new saga's id, its steps and its compensators, as {@link SagaStore#createAndStart} must.
   *
   * @param draft the saga about to be created
   * @throws IllegalArgumentException naming the first id or payload that breaks the limits
   */
  public void check(SagaDraft draft) {
    checkId("saga id", draft.sagaId());
    draft.steps().forEach(step -> checkNewStep(draft.sagaId(), step, ""));
    draft.compensators().values().forEach(compensator -> checkNewStep(draft.sagaId(), compensator, "compensator "));
  }

  /**
   * Checks a step or compensator about to be added: its id, its worker name and its args.
   *
   * @param sagaId the saga it is added to, named in the message
   * @param step the step or compensator
   * @param kind {@code ""} for a step, {@code "compensator "} for a compensator
   * @throws IllegalArgumentException naming what breaks the limits
   */
  public void checkNewStep(String sagaId, StepSpec step, String kind) {
    // Every saga's steps pass here: the messages are built only for a step that breaks a limit.
    if (!isValidId(step.stepId())) {
      checkId(kind + "step id", step.stepId());
    }
    checkId("worker name", step.workerName());
    tooLarge(() -> "the args of " + kind + "step \"" + step.stepId() + "\" of saga " + sagaId, step.argsJson())
        .ifPresent(problem -> {
          throw new IllegalArgumentException(problem);
        });
  }

  /**
   * {@return why a step's result may not be stored; empty when it fits} A store refuses a result from
   * outside with an {@link IllegalArgumentException} of this message, and fails an attempt that
   * returned it (retried by its policy).
   *
   * @param step the step that produced the result, named in the message
   * @param resultJson the result as JSON text; empty always fits
   */
  public Optional<String> resultTooLarge(StepRef step, Optional<String> resultJson) {
    return resultJson.flatMap(r -> tooLarge(() -> "the result of step \"" + step.stepId() + "\" of saga " + step.sagaId(), r));
  }

  /**
   * Why a step's inputs (its args and its dependencies' results) may not be claimed; empty when they
   * fit {@value #CLAIM_LIMIT} bytes. A store fails such a step for good, with this reason, when it is
   * claimed from its queue.
   *
   * @param stepId the step whose inputs they are
   * @param bytes the size of its inputs in bytes of JSON, all together
   * @return the failure reason, or empty
   */
  public static Optional<String> inputsTooLarge(String stepId, long bytes) {
    if (bytes <= CLAIM_LIMIT) {
      return Optional.empty();
    }
    return Optional.of("the inputs of step \"" + stepId + "\" (its args and its dependencies' results) are " + bytes
        + " bytes of JSON, over the claim limit of " + CLAIM_LIMIT + " bytes");
  }

  /**
   * {@return why {@code json} may not be stored, naming {@code what} and both sizes; empty when it fits}
   *
   * @param what names the payload in the message, e.g. {@code the args of step "s" of saga 42}
   * @param json the payload, measured in bytes of UTF-8
   */
  public Optional<String> tooLarge(String what, String json) {
    return tooLarge(() -> what, json);
  }

  /** As {@link #tooLarge(String, String)}; the name is made only for a payload over the limit (every step passes here). */
  private Optional<String> tooLarge(Supplier<String> what, String json) {
    if (fits(json, payloadLimit)) {
      return Optional.empty();
    }
    int bytes = size(json);
    return Optional.of(what.get() + " is " + bytes + " bytes of JSON, over the payload limit of " + payloadLimit
        + " bytes (RedisOptions.withPayloadLimit, InMemoryBackend.create(retention, payloadLimit))");
  }

  /**
   * {@return a failure reason, cut to fit the limit: a failure is always recorded}
   *
   * @param reason the failure reason as given; returned unchanged when it fits
   */
  public String cut(String reason) {
    if (fits(reason, payloadLimit)) {
      return reason;
    }
    String marker = "… (cut to the payload limit)";
    int keep = Math.max(0, payloadLimit / 4 - marker.length()); // a character takes at most 4 bytes of UTF-8
    if (keep > 0 && Character.isHighSurrogate(reason.charAt(keep - 1))) {
      keep--;
    }
    return reason.substring(0, keep) + marker;
  }

  /**
   * Checks an id or worker name.
   *
   * @param what names it in the message, e.g. {@code step id}
   * @param id the id or worker name to check
   * @return {@code id}, when it keeps the rules
   * @throws IllegalArgumentException quoting the id and saying what is wrong
   */
  public static String checkId(String what, String id) {
    String problem = problem(id);
    if (!problem.isEmpty()) {
      throw new IllegalArgumentException(what + " \"" + printable(id) + "\" is not allowed: " + problem
          + "; ids are 1 to " + MAX_ID_LENGTH + " characters without '{', '}' or control characters");
    }
    return id;
  }

  /**
   * {@return whether an id or worker name keeps the rules}
   *
   * @param id the id or worker name to check
   */
  public static boolean isValidId(String id) {
    return problem(id).isEmpty();
  }

  private static String problem(String id) {
    if (id.isEmpty()) {
      return "it is empty";
    }
    if (id.length() > MAX_ID_LENGTH) {
      return "it has " + id.length() + " characters";
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == '{' || c == '}') {
        return "it contains '" + c + "'";
      }
      if (Character.isISOControl(c)) {
        return "it contains the control character U+" + String.format("%04X", (int) c);
      }
    }
    return "";
  }

  private static String printable(String id) {
    return Names.escape(id.length() > MAX_ID_LENGTH ? id.substring(0, MAX_ID_LENGTH) + "…" : id);
  }

  private static int size(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Whether {@code text} fits {@code limit} bytes of UTF-8; counted in characters first (at most 3 bytes each), so short text is not encoded. */
  private static boolean fits(String text, int limit) {
    return 3L * text.length() <= limit || size(text) <= limit;
  }
}
