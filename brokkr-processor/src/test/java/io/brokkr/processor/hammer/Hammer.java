package io.brokkr.processor.hammer;

import java.util.List;

/** A finished hammer. */
public record Hammer(HeadId head, HandleId handle, List<String> parts) {}
