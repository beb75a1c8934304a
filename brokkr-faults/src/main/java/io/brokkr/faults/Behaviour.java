package io.brokkr.faults;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a generated step (or compensator) does, carried in its args so that any node runs it the
 * same way: how long it works, how many first attempts fail, whether every attempt fails, and
 * whether its first attempt hangs ignoring interrupts.
 *
 * @param workMs how long an attempt works
 * @param failFirst how many first attempts throw
 * @param failAlways every attempt fails: the step fails and its saga compensates
 * @param hangMs how long the first attempt hangs, ignoring interrupts (0: no hang)
 */
public record Behaviour(long workMs, int failFirst, boolean failAlways, long hangMs) {

  /** The behaviour as a JSON-encodable map, for the step's args. */
  public Map<String, Object> toArg() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("workMs", workMs);
    map.put("failFirst", failFirst);
    map.put("failAlways", failAlways);
    map.put("hangMs", hangMs);
    return map;
  }

  /** Reads the map {@link #toArg()} wrote. */
  public static Behaviour fromArg(Object arg) {
    Map<?, ?> map = (Map<?, ?>) arg;
    return new Behaviour(((Number) map.get("workMs")).longValue(), ((Number) map.get("failFirst")).intValue(),
        (Boolean) map.get("failAlways"), ((Number) map.get("hangMs")).longValue());
  }

  /** Whether {@code attempt} fails by this behaviour. */
  public boolean fails(int attempt) {
    return failAlways || attempt <= failFirst;
  }
}
