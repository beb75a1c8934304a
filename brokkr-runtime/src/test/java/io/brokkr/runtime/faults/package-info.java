/** One focused regression test per fault of the fault issue, each on a real redis-server. */
@NullMarked
package io.brokkr.runtime.faults;

import org.jspecify.annotations.NullMarked;
