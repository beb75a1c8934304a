package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.spi.StoreEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Messages are read as they stream by: the order of their fields must not matter, as Lua's cjson orders them by hash. */
class MessageTest {
  private final Snapshots snapshots = new Snapshots();

  @Test
  void aSettlingGetsItsOutcomeWhereverTheOutcomeComesInTheMessage() {
    String events = "\"e\":[[\"T\",\"b\",\"W\",\"RUNNING\",\"FAILED\"],[\"S\",\"COMPENSATING\",\"FAILED\"]]";
    String outcome = "\"o\":{\"r\":[\"a\",\"{\\\"n\\\":1}\"],\"f\":\"{\\\"s\\\":\\\"b\\\",\\\"r\\\":\\\"boom\\\"}\"}";
    StoreEvent.Settlement expected = new StoreEvent.Settlement(Optional.of(new SagaOutcome.Failure("b", "boom")),
        Map.of("a", "{\"n\":1}"));
    for (String text : List.of("{\"s\":\"s1\",\"q\":4," + events + "," + outcome + "}",
        "{" + outcome + ",\"q\":4," + events + ",\"s\":\"s1\"}")) {
      Message message = Message.read(text, snapshots);
      assertEquals("s1", message.sagaId());
      assertEquals(4, message.sequence());
      assertEquals(List.of(new StoreEvent.StepMoved("s1", "b", "W", StepStatus.RUNNING, StepStatus.FAILED),
          new StoreEvent.SagaMoved("s1", SagaStatus.COMPENSATING, SagaStatus.FAILED, Optional.of(expected))),
          message.events(), text);
    }
  }

  @Test
  void readyEntriesComeWithTheirEventsAndAnEmptyListMayBeAnObject() {
    Message message = Message.read("{\"s\":\"s1\",\"q\":2,\"e\":[[\"R\",\"b\",\"W\",\"W\\n0000000000000000007\\ns1\\nb\"]],\"x\":[1,{}]}",
        snapshots);
    assertEquals(List.of(new StoreEvent.WorkReady("s1", "b", "W")), message.events());
    assertEquals(7, message.ready().get(0).sequence());
    assertEquals(List.of(), Message.read("{\"s\":\"s1\",\"q\":3,\"e\":{}}", snapshots).events());
  }

  @Test
  void aMessageWithoutItsSagaOrEventsIsRefused() {
    assertThrows(IllegalStateException.class, () -> Message.read("{\"q\":3,\"e\":[]}", snapshots));
    assertThrows(IllegalStateException.class, () -> Message.read("{\"s\":\"s1\",\"q\":3}", snapshots));
    assertThrows(IllegalStateException.class, () -> Message.read("[]", snapshots));
  }
}
