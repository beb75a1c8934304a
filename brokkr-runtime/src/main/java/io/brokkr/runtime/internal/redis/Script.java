package io.brokkr.runtime.internal.redis;

import java.util.List;

/** The Lua scripts of the store, one per transition, kept as resources next to this class. */
enum Script {
  CREATE("create", true),
  ADD_STEP("add_step", true),
  ADD_COMPENSATOR("add_compensator", true),
  START("start", true),
  CREATE_START("create_start", true),
  CLAIM("claim", true),
  HEARTBEAT("heartbeat", true),
  FINISH("finish", true),
  FAIL("fail", true),
  FAIL_UNKNOWN("fail_unknown", true),
  HAND_BACK("hand_back", true),
  REQUEUE("requeue", true),
  CANCEL("cancel", true),
  RETRY("retry", true),
  RESOLVE("resolve", true),
  TIMER("timer", true),
  PEEK("peek", false),
  LOAD("load", false),
  INBOX("inbox", false),
  HISTORY("history", false),
  ACTIVE("active", false),
  QUERY("query", false),
  WAITING("waiting", false),
  COUNTS("counts", false),
  TRIM("trim", false),
  READY_COUNTS("ready_counts", false),
  ANNOUNCE("announce", false),
  WITHDRAW("withdraw", false),
  NODES("nodes", false),
  NAMESPACE("namespace", false);

  /** The library every transition script shares, in the order it is loaded. */
  static final List<String> LIBRARY = List.of("common.lua", "rules.lua");

  private final String file;
  private final boolean usesLibrary;

  Script(String file, boolean usesLibrary) {
    this.file = file;
    this.usesLibrary = usesLibrary;
  }

  String resource() {
    return file + ".lua";
  }

  /** Whether {@link #LIBRARY} goes in front of the script's body (after its shebang line). */
  boolean usesLibrary() {
    return usesLibrary;
  }
}
