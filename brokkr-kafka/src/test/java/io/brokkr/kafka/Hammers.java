package io.brokkr.kafka;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The hammer services' business functions, recording the idempotency keys they were called with. */
final class Hammers {
  record Head(String headId) {}

  record Handle(String handleId) {}

  record Hammer(String headId, String handleId) {}

  final List<String> heads = new CopyOnWriteArrayList<>();
  final List<String> handles = new CopyOnWriteArrayList<>();
  final List<String> hammers = new CopyOnWriteArrayList<>();
  final List<String> destroyed = new CopyOnWriteArrayList<>();

  StepFunction head() {
    return call -> {
      heads.add(call.idempotencyKey());
      return new Head("head-" + call.arg(0, String.class));
    };
  }

  StepFunction handle() {
    return call -> {
      handles.add(call.idempotencyKey());
      return new Handle("handle-" + call.arg(0, String.class));
    };
  }

  StepFunction hammer() {
    return call -> {
      hammers.add(call.idempotencyKey());
      return new Hammer(call.dependencyResult(0, Head.class).headId(), call.dependencyResult(1, Handle.class).handleId());
    };
  }

  StepFunction destroyer() {
    return call -> {
      destroyed.add(call.dependencyResult(0, Head.class).headId());
      return null;
    };
  }

  /** The three services of the hammer, and the destroyer beside the head's. */
  void serve(Bridge bridge) {
    bridge.service("HammerHeadFactory", head());
    bridge.service("HandleFactory", handle());
    bridge.service("HammerFactory", hammer());
    bridge.service("HammerHeadDestroyer", destroyer());
  }
}
