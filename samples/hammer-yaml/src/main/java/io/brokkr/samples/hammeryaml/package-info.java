/** The hammer saga written in YAML and started through the launcher that brokkr-maven-plugin generates. */
@NullMarked
package io.brokkr.samples.hammeryaml;

import org.jspecify.annotations.NullMarked;
