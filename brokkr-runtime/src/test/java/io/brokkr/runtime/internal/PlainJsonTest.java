package io.brokkr.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Plain values written and read without Jackson: exactly as the default mapper writes and reads them. */
class PlainJsonTest {
  private final ObjectMapper mapper = JsonMappers.of(Optional.empty(), List.of());

  @Test
  void everyCharacterIsWrittenAsTheDefaultMapperWritesIt() throws Exception {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      String one = String.valueOf(c);
      assertEquals(mapper.writeValueAsString(one), PlainJson.write(one), "U+" + Integer.toHexString(c));
      all.append(c);
    }
    String text = all.toString();
    assertEquals(mapper.writeValueAsString(text), PlainJson.write(text));
    for (String s : List.of("", "plain", "a \"quoted\" \\ path\n", "tab\there", "ünïcödé €", "emoji \uD83D\uDE00 pair",
        "lone \uD800 surrogate", "\u0000\u001F\u007F\u2028")) {
      assertEquals(mapper.writeValueAsString(s), PlainJson.write(s), s);
    }
  }

  @Test
  void wholeNumbersAndBooleansAreWrittenAsTheDefaultMapperWritesThem() throws Exception {
    for (Object value : List.of(0, -1, 42, Integer.MIN_VALUE, Integer.MAX_VALUE, 0L, Long.MIN_VALUE, Long.MAX_VALUE,
        (short) -7, (byte) 127, true, false)) {
      assertEquals(mapper.writeValueAsString(value), PlainJson.write(value), value.getClass() + " " + value);
    }
  }

  @Test
  void otherValuesAreLeftToJackson() {
    List<Object> others = new ArrayList<>(List.of(1.5, 2.0f, List.of("a"), Map.of("k", 1), 'c', new StringBuilder("sb")));
    others.add(null);
    for (Object value : others) {
      assertNull(PlainJson.write(value), String.valueOf(value));
    }
  }

  @Test
  void whatIsReadHereIsWhatTheDefaultMapperReads() throws Exception {
    List<String> texts = List.of("\"\"", "\"plain\"", "\"ünïcödé €\"", "\"with \\\"escapes\\\"\"", "\"a\\nb\"",
        "\"\\u0041\"", "0", "-0", "7", "-42", "123456789", "-123456789", "1234567890", "2147483647", "2147483648",
        "123456789012345678", "-123456789012345678", "1234567890123456789", "9223372036854775807", "007", "1.5",
        "1e3", "+1", "-", "true", "false", "null", " 1", "1 ", "\"unterminated", "\"", "[]", "{}", "\"true\"", "\"12\"");
    List<Type> types = List.of(String.class, int.class, Integer.class, long.class, Long.class, boolean.class,
        Boolean.class);
    int readHere = 0;
    for (String json : texts) {
      for (Type type : types) {
        Object plain = PlainJson.read(json, type);
        if (plain != null) {
          readHere++;
          assertEquals(mapper.readerFor(mapper.constructType(type)).readValue(json), plain, json + " as " + type);
        }
      }
    }
    // The common cases take the short way: 5 strings that escape nothing; 0, -0, 7, -42, 123456789 and
    // -123456789 as int and long (each also boxed); the three 10-digit and two 18-digit numbers as long
    // (and Long); true and false (and boxed).
    assertEquals(5 + 6 * 4 + 5 * 2 + 2 * 2, readHere);
  }

  @Test
  void anythingElseIsLeftToJackson() {
    assertNull(PlainJson.read("\"a\\nb\"", String.class), "escapes are Jackson's to read");
    assertNull(PlainJson.read("12", String.class), "a number read as a string is Jackson's coercion");
    assertNull(PlainJson.read("\"12\"", int.class), "a string read as a number is Jackson's coercion");
    assertNull(PlainJson.read("1234567890", int.class), "ten digits may overflow an int");
    assertNull(PlainJson.read("1234567890123456789", long.class), "nineteen digits may overflow a long");
    assertNull(PlainJson.read("007", int.class), "a leading zero is not JSON");
    assertNull(PlainJson.read("null", String.class), "null is Jackson's to read");
    assertNull(PlainJson.read("[1]", List.class));
    assertNull(PlainJson.read("1.5", double.class));
  }

  @Test
  void anArraysElementsAreCutAsJacksonReadsThem() throws Exception {
    List<String> arrays = List.of("[]", " [ ] ", "[1]", "[\"a\",2,true,null]", " [ \"a, b\" ,\n\t{\"k\": [1, {\"x\": \"]\"}]} ] ",
        "[\"quote \\\" and ] [ { } ,\", [[], {}], \"\\\\\"]", "[{\"a\":1,\"b\":[2,3]},[4,[5]],-6.5e3]");
    for (String array : arrays) {
      List<String> cut = PlainJson.elements(array);
      List<JsonNode> read = new ArrayList<>();
      mapper.readTree(array).forEach(read::add);
      assertEquals(read.size(), cut.size(), array);
      for (int i = 0; i < cut.size(); i++) {
        assertEquals(read.get(i), mapper.readTree(cut.get(i)), array + " element " + i);
        assertEquals(cut.get(i).strip(), cut.get(i), "no whitespace around " + cut.get(i));
      }
    }
    assertEquals(List.of("\"a, b\"", "{\"k\": [1, {\"x\": \"]\"}]}"), PlainJson.elements(arrays.get(4)));
  }

  @Test
  void whatIsNotAnArrayOfWholeElementsIsNotCut() {
    for (String text : List.of("", "  ", "1", "{}", "\"[1]\"", "[", "]", "[1", "1]", "[1,]", "[,1]", "[1,,2]", "[ , ]",
        "[\"unterminated]", "[\"a\\\"]", "[[1]", "[1]]", "[1] [2]", "[}", "[{]}", "[1]x")) {
      assertNull(PlainJson.elements(text), text);
    }
  }
}
