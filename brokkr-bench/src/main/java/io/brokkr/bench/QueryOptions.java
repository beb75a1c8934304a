package io.brokkr.bench;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The command line of {@link QueryFigures}; each value is checked as it is read, a bad one quoted.
 *
 * @param sagas how many sagas fill the namespace
 * @param threads how many threads fill it
 * @param redisUrl a Redis to use instead of a private redis-server
 * @param json where the JSON figures go
 * @param help whether only the usage was asked for
 */
record QueryOptions(int sagas, int threads, Optional<String> redisUrl, Path json, boolean help) {

  static final String USAGE = String.join("\n",
      "QueryFigures: findSagas, countSagas and strandedWorkers over a namespace full of sagas.",
      "",
      "  --sagas N        sagas in the namespace (default 100000)",
      "  --threads N      threads filling it (default 8)",
      "  --redis-url URL  redis://HOST:PORT instead of a private redis-server on a free port",
      "  --json FILE      where the figures go (default target/brokkr-query-figures.json)",
      "  --help           this text");

  static QueryOptions parse(String... args) {
    int sagas = 100_000;
    int threads = 8;
    Optional<String> url = Optional.empty();
    Path json = Path.of("target", "brokkr-query-figures.json");
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--help")) {
        help = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --sagas, --threads, --redis-url, --json or --help followed by a value, got \""
            + flag + "\"");
      }
      String value = args[++i];
      switch (flag) {
        case "--sagas" -> sagas = number(flag, value);
        case "--threads" -> threads = number(flag, value);
        case "--redis-url" -> url = Optional.of(RedisAddress.parse(value).url());
        case "--json" -> json = Path.of(value);
        default -> throw new IllegalArgumentException("unknown flag \"" + flag + "\"; see --help");
      }
    }
    return new QueryOptions(sagas, threads, url, json, help);
  }

  private static int number(String flag, String value) {
    try {
      int n = Integer.parseInt(value.replace("_", ""));
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // quoted below
    }
    throw new IllegalArgumentException(flag + " takes a whole number of at least 1, was \"" + value + "\"");
  }
}
