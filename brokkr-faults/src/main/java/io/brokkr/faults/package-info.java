/**
 * The fault-injection suite: random sagas on real {@code redis-server} and node processes, behind a
 * fault proxy of its own, under faults scheduled from a seed; every effect goes to an append-only
 * ledger that outlives the processes, and a checker holds the ledger and the stored sagas to the
 * runtime's rules.
 */
package io.brokkr.faults;
