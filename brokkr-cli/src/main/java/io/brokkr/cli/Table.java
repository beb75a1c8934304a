package io.brokkr.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A text table: a header and rows of cells, columns as wide as their widest cell and two spaces
 * apart; the last column is not padded. Widths count the plain text, so colours do not skew them.
 */
final class Table {
  /** A cell: its text and its style. */
  record Cell(String text, Style style) {
    static Cell plain(String text) {
      return new Cell(text, Style.PLAIN);
    }
  }

  private final List<String> headers;
  private final List<List<Cell>> rows = new ArrayList<>();

  Table(String... headers) {
    this.headers = List.of(headers);
  }

  /** Adds a row of one cell per column. */
  Table row(Cell... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + headers.size() + " columns");
    }
    rows.add(List.of(cells));
    return this;
  }

  /** The table's lines: the header, then each row. */
  List<String> render(Output out) {
    int[] widths = new int[headers.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = headers.get(c).length();
      for (List<Cell> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).text().length());
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(line(headers.stream().map(h -> new Cell(h, Style.BOLD)).toList(), widths, out));
    rows.forEach(row -> lines.add(line(row, widths, out)));
    return lines;
  }

  private static String line(List<Cell> cells, int[] widths, Output out) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      Cell cell = cells.get(c);
      line.append(out.paint(cell.style(), cell.text()));
      if (c < cells.size() - 1) {
        line.append(" ".repeat(widths[c] - cell.text().length() + 2));
      }
    }
    return line.toString().stripTrailing();
  }
}
