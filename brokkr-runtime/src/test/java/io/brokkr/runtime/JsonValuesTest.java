package io.brokkr.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.brokkr.dsl.SagaTemplate;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the node's Jackson mapper can carry, and that a user's mapper or module is the one used. */
class JsonValuesTest {
  private static final Instant WHEN = Instant.parse("2026-12-02T04:05:06.123456789Z");

  /** A type only a custom serializer knows how to write. */
  record Money(long cents) {}

  @Test
  void anInstantAndAnOptionalRoundTripAsArgsAndResults() throws Exception {
    try (Brokkr brokkr = Brokkr.inMemory()) {
      brokkr.registerWorker(Worker.sync("Stamp", inv -> {
        Instant at = inv.arg(0, Instant.class);
        Optional<String> note = inv.arg(1, new TypeRef<Optional<String>>() {});
        Optional<String> none = inv.arg(2, new TypeRef<Optional<String>>() {});
        return new Stamped(at.plusSeconds(1), note, none);
      }));
      brokkr.registerWorker(Worker.sync("Check", inv -> inv.dependencyResult(0, Stamped.class)));
      Saga saga = brokkr.createSaga();
      SagaStep stamp = saga.addStep("Stamp", List.of(WHEN, Optional.of("hi"), Optional.empty()));
      SagaStep check = saga.addStep("Check", List.of(), List.of(stamp.getId()));
      saga.start();
      assertEquals(SagaStatus.FINISHED, saga.getOutcome().get(20, TimeUnit.SECONDS).status());
      Stamped expected = new Stamped(WHEN.plusSeconds(1), Optional.of("hi"), Optional.empty());
      assertEquals(expected, check.getResult(Stamped.class).orElseThrow());
      assertEquals(List.of("2026-12-02T04:05:06.123456789Z", "hi"), stamp.getArgs().subList(0, 2),
          "java.time values are stored as ISO-8601 text");
    }
  }

  /** A result holding java.time and Optional values. */
  record Stamped(Instant at, Optional<String> note, Optional<String> none) {}

  @Test
  void anInstantAndAnOptionalRoundTripAsTemplateInputs() throws Exception {
    SagaTemplate template = SagaTemplate.named("Stamps")
        .input("at", "java.time.Instant")
        .input("note", "java.util.Optional<String>")
        .step("stamp").worker("Stamp").inputs("at", "note")
        .build();
    try (Brokkr brokkr = Brokkr.inMemory()) {
      brokkr.registerWorker(Worker.sync("Stamp", inv ->
          new Stamped(inv.arg(0, Instant.class), inv.arg(1, new TypeRef<Optional<String>>() {}), Optional.empty())));
      StepResults results = brokkr.start(template, Map.of("at", WHEN, "note", Optional.of("hi")))
          .result().get(20, TimeUnit.SECONDS);
      assertEquals(new Stamped(WHEN, Optional.of("hi"), Optional.empty()), results.get("stamp", Stamped.class));
    }
  }

  @Test
  void dependencyResultsAreReadAsPlainValuesAndAsTheTypesAsked() throws Exception {
    try (Brokkr brokkr = Brokkr.inMemory()) {
      brokkr.registerWorker(Worker.sync("Parts", inv -> List.of(Map.of("name", "head", "grams", 700))));
      brokkr.registerWorker(Worker.sync("Count", inv -> 3));
      brokkr.registerWorker(Worker.sync("Join", inv -> Map.of(
          "plain", inv.dependencyResults(),
          "typed", inv.dependencyResult(0, new TypeRef<List<Part>>() {}).get(0).grams() + inv.dependencyResult(1, Long.class))));
      Saga saga = brokkr.createSaga();
      SagaStep parts = saga.addStep("Parts", List.of());
      SagaStep count = saga.addStep("Count", List.of());
      SagaStep join = saga.addStep("Join", List.of(), List.of(parts.getId(), count.getId()));
      saga.start();
      assertEquals(SagaStatus.FINISHED, saga.getOutcome().get(20, TimeUnit.SECONDS).status());
      assertEquals(Map.of("plain", List.of(List.of(Map.of("name", "head", "grams", 700)), 3), "typed", 703),
          join.getResult().orElseThrow());
    }
  }

  /** A part as a dependency's result is read back. */
  record Part(String name, long grams) {}

  @Test
  void aDependencyResultThatDoesNotFitTheTypeAskedFailsTheAttemptNamingIt() throws Exception {
    try (Brokkr brokkr = Brokkr.inMemory()) {
      brokkr.registerWorker(Worker.sync("Word", inv -> "seven"));
      brokkr.registerWorker(Worker.sync("Twice", inv -> inv.dependencyResult(0, Integer.class) * 2));
      Saga saga = brokkr.createSaga();
      SagaStep word = saga.addStep("Word", List.of());
      SagaStep twice = saga.addStep("Twice", List.of(), List.of(word.getId()),
          StepOptions.DEFAULTS.withRetry(io.brokkr.dsl.RetryPolicy.NO_RETRY));
      saga.start();
      SagaOutcome outcome = saga.getOutcome().get(20, TimeUnit.SECONDS);
      assertEquals(SagaStatus.COMPENSATED, outcome.status(), "nothing to undo: the saga is rolled back at once");
      String reason = outcome.failure().orElseThrow().reason();
      assertTrue(reason.contains("dependency result 0 of step \"" + twice.getId() + "\" cannot be read as java.lang.Integer"),
          reason);
    }
  }

  @Test
  void aUserMapperWithACustomModuleIsUsed() throws Exception {
    SimpleModule money = new SimpleModule("money").addSerializer(new StdSerializer<>(Money.class) {
      @Override
      public void serialize(Money value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(value.cents() / 100 + "." + String.format("%02d", value.cents() % 100) + " EUR");
      }
    });
    ObjectMapper mine = JsonMapper.builder().addModule(money).build();
    try (Brokkr brokkr = Brokkr.builder().objectMapper(mine).inMemory()) {
      brokkr.registerWorker(Worker.sync("Price", inv -> List.of(new Money(1234), WHEN)));
      Saga saga = brokkr.createSaga();
      SagaStep price = saga.addStep("Price", List.of(new Money(5)));
      saga.start();
      assertEquals(SagaStatus.FINISHED, saga.getOutcome().get(20, TimeUnit.SECONDS).status());
      assertEquals(List.of("0.05 EUR"), price.getArgs());
      // java.time support is added to a user's mapper too; its own settings (timestamps) stay.
      List<?> result = (List<?>) price.getResult().orElseThrow();
      assertEquals("12.34 EUR", result.get(0));
      assertTrue(result.get(1) instanceof Number, "the user's mapper writes dates as timestamps: " + result);
    }
    try (Brokkr brokkr = Brokkr.builder().jacksonModule(money).inMemory()) {
      Saga saga = brokkr.createSaga();
      assertEquals(List.of("0.05 EUR"), saga.addStep("Price", List.of(new Money(5))).getArgs());
    }
  }

  @Test
  void plainStringsGoThroughTheUsersModuleAndAreWrittenAsJacksonWritesThemWithoutOne() throws Exception {
    SimpleModule loud = new SimpleModule("loud")
        .addSerializer(String.class, new StdSerializer<>(String.class) {
          @Override
          public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toUpperCase(Locale.ROOT));
          }
        })
        .addDeserializer(String.class, new StdDeserializer<>(String.class) {
          @Override
          public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return "read:" + parser.getValueAsString();
          }
        });
    assertEquals(List.of("hello", "hello"), greetingAndEcho(Brokkr.builder()));
    // The arg written "HELLO", read "read:HELLO" by the greeting, which writes "READ:HELLO", read
    // "read:READ:HELLO" by the echo, which writes "READ:READ:HELLO"; each result read back once more.
    List<String> throughTheModule = List.of("read:READ:HELLO", "read:READ:READ:HELLO");
    assertEquals(throughTheModule, greetingAndEcho(Brokkr.builder().jacksonModule(loud)));
    assertEquals(throughTheModule,
        greetingAndEcho(Brokkr.builder().objectMapper(JsonMapper.builder().addModule(loud).build())));
  }

  /** The results, read as strings, of a step returning its arg "hello" and of one returning that result read as a string. */
  private static List<String> greetingAndEcho(BrokkrBuilder builder) throws Exception {
    try (Brokkr brokkr = builder.inMemory()) {
      brokkr.registerWorker(Worker.sync("Greet", inv -> inv.arg(0, String.class)));
      brokkr.registerWorker(Worker.sync("Echo", inv -> inv.dependencyResult(0, String.class)));
      Saga saga = brokkr.createSaga();
      SagaStep greet = saga.addStep("Greet", List.of("hello"));
      SagaStep echo = saga.addStep("Echo", List.of(), List.of(greet.getId()));
      saga.start();
      assertEquals(SagaStatus.FINISHED, saga.getOutcome().get(20, TimeUnit.SECONDS).status());
      return List.of(greet.getResult(String.class).orElseThrow(), echo.getResult(String.class).orElseThrow());
    }
  }

  @Test
  void argsOfEveryKindAreReadAsTheTypesAsked() throws Exception {
    try (Brokkr brokkr = Brokkr.inMemory()) {
      brokkr.registerWorker(Worker.sync("Read", inv -> Arrays.asList(inv.arg(0, String.class), inv.arg(1, int.class),
          inv.arg(2, Boolean.class), inv.arg(3, String.class), inv.arg(4, String.class), inv.arg(5, long.class),
          inv.arg(6, Part.class), inv.arg(7, String.class), inv.arg(8, new TypeRef<List<String>>() {}),
          assertThrows(IndexOutOfBoundsException.class, () -> inv.arg(9, String.class)).getMessage())));
      Saga saga = brokkr.createSaga();
      // Plain values, one with escapes, a number asked as text and text as a number (Jackson's
      // coercions), a record, a null, and a list whose strings hold a comma and a bracket.
      SagaStep read = saga.addStep("Read", Arrays.asList("plain", 42, true, "tab\there \"quoted\"", 12, "7",
          new Part("head", 700), null, List.of("a,b", "]")));
      saga.start();
      assertEquals(SagaStatus.FINISHED, saga.getOutcome().get(20, TimeUnit.SECONDS).status());
      assertEquals(Arrays.asList("plain", 42, true, "tab\there \"quoted\"", "12", 7,
              Map.of("name", "head", "grams", 700), null, List.of("a,b", "]"),
              "step \"" + read.getId() + "\" has 9 args; there is no arg 9"),
          read.getResult().orElseThrow());
    }
  }

  @Test
  void aMapperWithDefaultTypingIsRefused() {
    ObjectMapper typed = JsonMapper.builder()
        .activateDefaultTyping(BasicPolymorphicTypeValidator.builder().allowIfBaseType(Object.class).build())
        .build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Brokkr.builder().objectMapper(typed));
    assertTrue(e.getMessage().contains("default typing"), e.getMessage());
    assertThrows(NullPointerException.class, () -> Brokkr.builder().objectMapper(null));
  }
}
