package io.brokkr.processor.hammer;

/** The id of a handle. */
public record HandleId(String id) {}
