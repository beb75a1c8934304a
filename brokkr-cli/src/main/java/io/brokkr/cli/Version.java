package io.brokkr.cli;

import java.util.Optional;
import picocli.CommandLine.IVersionProvider;

/** {@code brokkr --version}: the version written into the jar's manifest. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Optional.ofNullable(BrokkrCli.class.getPackage().getImplementationVersion()).orElse("(development build)");
    return new String[] {"brokkr " + version + " (Java " + Runtime.version() + ")"};
  }
}
