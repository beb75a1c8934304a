import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code sagas} @Saga classes of {@code steps} steps each into a source folder, for measuring
 * how long javac and the Brokkr processor take on a large project. Each saga is a chain with a join
 * every tenth step, mixed result types (a record, a generic list, an int), saga inputs, StepContext
 * parameters, retry attributes and a compensator every tenth step.
 *
 * <p>Usage: {@code java GenerateSagas.java <dir> <sagas> <steps>}
 */
public class GenerateSagas {
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0], "bench");
    int sagas = Integer.parseInt(args[1]);
    int steps = Integer.parseInt(args[2]);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("Part.java"), "package bench;\n\npublic record Part(String id, int n) {}\n");
    for (int k = 0; k < sagas; k++) {
      Files.writeString(dir.resolve("Saga" + k + ".java"), saga(k, steps));
    }
  }

  private static String saga(int k, int steps) {
    StringBuilder out = new StringBuilder("""
        package bench;

        import io.brokkr.dsl.Compensate;
        import io.brokkr.dsl.Saga;
        import io.brokkr.dsl.Step;
        import io.brokkr.runtime.StepContext;
        import java.util.List;

        @Saga
        public class Saga%d {
        """.formatted(k));
    for (int i = 0; i < steps; i++) {
      String type = type(i);
      if (i == 0) {
        out.append("  @Step public ").append(type).append(" s0(String order, StepContext context) { return ")
            .append(value(0)).append("; }\n");
        continue;
      }
      StringBuilder dependsOn = new StringBuilder("\"s" + (i - 1) + "\"");
      StringBuilder parameters = new StringBuilder(type(i - 1) + " s" + (i - 1));
      if (i % 10 == 0 && i >= 2) {
        dependsOn.append(", \"s").append(i - 2).append('"');
        parameters.append(", ").append(type(i - 2)).append(" s").append(i - 2);
      }
      parameters.append(", int qty").append(i % 5);
      String retry = i % 3 == 0 ? ", maxAttempts = 5, backoff = \"50ms\"" : "";
      out.append("  @Step(dependsOn = {").append(dependsOn).append('}').append(retry).append(") public ")
          .append(type).append(" s").append(i).append('(').append(parameters).append(") { return ")
          .append(value(i)).append("; }\n");
      if (i % 10 == 5) {
        out.append("  @Compensate(\"s").append(i).append("\") public void undo").append(i).append('(')
            .append(type).append(" s").append(i).append(", String order) { }\n");
      }
    }
    return out.append("}\n").toString();
  }

  private static String type(int i) {
    return switch (i % 3) {
      case 0 -> "Part";
      case 1 -> "List<Part>";
      default -> "int";
    };
  }

  private static String value(int i) {
    return switch (i % 3) {
      case 0 -> "new Part(\"p" + i + "\", " + i + ")";
      case 1 -> "List.of(new Part(\"p" + i + "\", " + i + "))";
      default -> String.valueOf(i);
    };
  }
}
