package io.brokkr.runtime.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmallListsTest {
  @Test
  void aListGrowsFromNoneToOneToAnArrayListThatItThenKeeps() {
    List<String> one = SmallLists.plus(List.of(), "a");
    assertEquals(List.of("a"), one);

    List<String> two = SmallLists.plus(one, "b");
    assertEquals(List.of("a", "b"), two);
    assertInstanceOf(ArrayList.class, two);
    assertEquals(List.of("a"), one, "the list of one is not changed");

    List<String> three = SmallLists.plus(two, "c");
    assertSame(two, three, "an ArrayList grows in place");
    assertEquals(List.of("a", "b", "c"), three);
  }
}
