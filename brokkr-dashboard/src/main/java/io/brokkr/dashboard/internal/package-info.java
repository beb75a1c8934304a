/** The dashboard's server: routes, JSON views of sagas, live events and the guard of every request. */
@NullMarked
package io.brokkr.dashboard.internal;

import org.jspecify.annotations.NullMarked;
