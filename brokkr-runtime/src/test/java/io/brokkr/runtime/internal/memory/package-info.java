@NullMarked
package io.brokkr.runtime.internal.memory;

import org.jspecify.annotations.NullMarked;
