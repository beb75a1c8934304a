@NullMarked
package io.brokkr.runtime.spi;

import org.jspecify.annotations.NullMarked;
