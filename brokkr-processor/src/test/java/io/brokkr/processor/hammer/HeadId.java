package io.brokkr.processor.hammer;

/** The id of a hammer head. */
public record HeadId(String id) {}
