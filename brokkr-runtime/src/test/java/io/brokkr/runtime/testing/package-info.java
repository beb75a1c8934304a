/** Helpers that the tests of every module share (shipped in the runtime's test-jar). */
package io.brokkr.runtime.testing;
