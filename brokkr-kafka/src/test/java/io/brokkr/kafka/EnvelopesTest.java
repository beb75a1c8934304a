package io.brokkr.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.brokkr.kafka.internal.Envelopes;
import io.brokkr.kafka.internal.MalformedEnvelopeException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The envelope's JSON is the documented one, reads back as it was written, and bad input is named. */
class EnvelopesTest {
  private final ObjectMapper mapper = new ObjectMapper();
  private final Envelopes envelopes = new Envelopes(mapper);
  private final StepRequest request = new StepRequest(1, "hammers", "s1", "head", "HammerHeadFactory", 2, 17,
      "s1:head", "brokkr.results", List.of(TextNode.valueOf("ThunderBestowed")), List.of(NullNode.getInstance()),
      false, Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));

  @Test
  void aRequestIsTheDocumentedJsonAndReadsBack() throws Exception {
    String json = new String(envelopes.encode(request), StandardCharsets.UTF_8);
    assertEquals("{\"version\":1,\"namespace\":\"hammers\",\"sagaId\":\"s1\",\"stepId\":\"head\","
        + "\"worker\":\"HammerHeadFactory\",\"attempt\":2,\"fencingToken\":17,\"idempotencyKey\":\"s1:head\","
        + "\"replyTo\":\"brokkr.results\",\"args\":[\"ThunderBestowed\"],\"dependencyResults\":[null],"
        + "\"traceparent\":\"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\"}", json);
    assertEquals(request, envelopes.decodeRequest(envelopes.encode(request)));
    assertEquals(Optional.of("s1"), Envelopes.header(envelopes.headers(request), "brokkr-saga-id"));
    assertEquals(Optional.of("17"), Envelopes.header(envelopes.headers(request), "brokkr-fencing-token"));
  }

  @Test
  void resultsReadBack() throws Exception {
    StepResult finished = StepResult.answering(request, Optional.of(mapper.readTree("{\"headId\":\"h1\"}")),
        Optional.empty(), Map.of());
    StepResult failed = StepResult.answering(request, Optional.empty(), Optional.of("out of iron"), Map.of());
    assertEquals(finished, envelopes.decodeResult(envelopes.encode(finished)));
    assertEquals(failed, envelopes.decodeResult(envelopes.encode(failed)));
    assertEquals(Optional.of("failed"), Envelopes.header(envelopes.headers(failed), "brokkr-outcome"));
  }

  @Test
  void badInputIsNamed() {
    assertEquals("the message has no value", reason(""));
    assertEquals("the value is not a JSON object", reason("[1]"));
    assertEquals("envelope version 2 is not 1, the one this reader knows", reason("{\"version\":2}"));
    assertEquals("field \"attempt\" is missing or not a number from 1", reason("{\"version\":1,\"namespace\":\"n\","
        + "\"sagaId\":\"s\",\"stepId\":\"x\",\"worker\":\"w\",\"attempt\":0}"));
  }

  private String reason(String json) {
    return assertThrows(MalformedEnvelopeException.class,
        () -> envelopes.decodeRequest(json.getBytes(StandardCharsets.UTF_8))).getMessage();
  }
}
