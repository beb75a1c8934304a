package io.brokkr.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The id of the command's node, as leases and logs show it: {@code brokkr-cli@HOST:PID}. */
final class NodeName {
  private NodeName() {}

  static String of() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return "brokkr-cli@" + host + ":" + ProcessHandle.current().pid();
  }
}
