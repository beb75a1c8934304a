/** The bridge's implementation: the envelope codec, the loops of the coordinator and the service, tracing. */
@NullMarked
package io.brokkr.kafka.internal;

import org.jspecify.annotations.NullMarked;
