@NullMarked
package io.brokkr.samples.hammer;

import org.jspecify.annotations.NullMarked;
