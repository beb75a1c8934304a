package io.brokkr.runtime;

/** Options of a {@link Brokkr} node. To be completed by the runtime-engine issue. */
public final class BrokkrBuilder {
  private String namespace = "brokkr";

  BrokkrBuilder() {}

  /** The namespace: every key and saga of this node lives under it. */
  public BrokkrBuilder namespace(String value) {
    this.namespace = java.util.Objects.requireNonNull(value, "namespace");
    return this;
  }

  /** A node on a new embedded in-memory store. */
  public Brokkr inMemory() {
    throw new UnsupportedOperationException("not yet implemented: in-memory store of namespace " + namespace);
  }
}
