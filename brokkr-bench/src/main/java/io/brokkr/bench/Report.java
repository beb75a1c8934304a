package io.brokkr.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one bench run found, ready to print as a table or write as JSON.
 *
 * @param machine what it ran on
 * @param command how to run it again
 * @param peers the peers that took part, in column order
 * @param cases the cases, in the order they ran
 * @param results one per case and peer that supports it
 * @param goals the goals of issues 7 and 18 checked against the results
 */
record Report(Map<String, String> machine, String command, List<String> peers, List<Case> cases,
    List<CaseResult> results, List<Goals.Goal> goals) {

  Optional<CaseResult> result(Case c, String peer) {
    return results.stream().filter(r -> r.c().equals(c) && r.peer().equals(peer)).findFirst();
  }
}
