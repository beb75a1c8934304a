package io.brokkr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brokkr.cli.Table.Cell;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {
  static Table table() {
    return new Table("ID", "STATUS", "NOTE")
        .row(Cell.plain("a-long-id"), new Cell("FAILED", Style.RED), Cell.plain("boom"))
        .row(Cell.plain("b"), new Cell("FINISHED", Style.GREEN), Cell.plain(""));
  }

  @Test
  void columnsAreAsWideAsTheirWidestCell() {
    Output plain = new Output(new PrintWriter(new StringWriter()), false, false);
    assertEquals(List.of(
        "ID         STATUS    NOTE",
        "a-long-id  FAILED    boom",
        "b          FINISHED"), table().render(plain));
  }

  @Test
  void coloursDoNotSkewTheColumns() {
    Output coloured = new Output(new PrintWriter(new StringWriter()), false, true);
    assertEquals("a-long-id  \u001b[31mFAILED\u001b[0m    boom", table().render(coloured).get(1));
    assertEquals("\u001b[1mID\u001b[0m         \u001b[1mSTATUS\u001b[0m    \u001b[1mNOTE\u001b[0m", table().render(coloured).get(0));
  }

  @Test
  void aRowHasOneCellPerColumn() {
    assertThrows(IllegalArgumentException.class, () -> new Table("A", "B").row(Cell.plain("x")));
  }
}
