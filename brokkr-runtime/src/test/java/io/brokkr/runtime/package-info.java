@NullMarked
package io.brokkr.runtime;

import org.jspecify.annotations.NullMarked;
