package io.brokkr.runtime.differential;

/**
 * The first thing two stores did differently.
 *
 * @param index the call's position in its sequence
 * @param call the call
 * @param aspect what differed: {@code reply}, {@code events}, {@code saga <id>} or {@code unfinished}
 * @param memory what the in-memory store did
 * @param redis what the Redis store did
 */
record Difference(int index, Call call, String aspect, String memory, String redis) {

  /** Whether {@code other} is the same kind of difference: same aspect, same kind of call. */
  boolean sameKindAs(Difference other) {
    return aspect.equals(other.aspect) && call.getClass().equals(other.call.getClass());
  }

  @Override
  public String toString() {
    return "call " + index + ": " + call + "\n  " + aspect + " differ\n  memory: " + memory + "\n  redis:  " + redis;
  }
}
