package io.brokkr.dsl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dependency graph of a template's uniquely named steps, over the dependencies that name a
 * known, other step. Every algorithm here is iterative and linear in steps plus dependencies, so
 * that a 100,000-step chain neither overflows the stack nor takes quadratic time.
 */
final class StepGraph {
  private final List<StepTemplate> steps;
  /** For each step, the indexes of its dependencies in declared order, without repeats. */
  private final int[][] dependencies;

  private StepGraph(List<StepTemplate> steps, int[][] dependencies) {
    this.steps = steps;
    this.dependencies = dependencies;
  }

  /** The graph of the first step of each name; dependencies on unknown steps or itself are left out. */
  static StepGraph of(SagaTemplate template) {
    List<StepTemplate> unique = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    for (StepTemplate step : template.steps()) {
      if (index.putIfAbsent(step.name(), unique.size()) == null) {
        unique.add(step);
      }
    }
    int[][] dependencies = new int[unique.size()][];
    for (int i = 0; i < unique.size(); i++) {
      Set<Integer> known = new LinkedHashSet<>();
      for (String dependency : unique.get(i).dependsOn()) {
        Integer d = index.get(dependency);
        if (d != null && d != i) {
          known.add(d);
        }
      }
      dependencies[i] = known.stream().mapToInt(Integer::intValue).toArray();
    }
    return new StepGraph(unique, dependencies);
  }

  /**
   * Kahn's algorithm: each step's level is one more than its deepest dependency's. Steps on or
   * behind a cycle get no level and are left out.
   */
  List<List<StepTemplate>> levels() {
    int n = steps.size();
    int[] missing = new int[n];
    List<List<Integer>> dependents = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      dependents.add(new ArrayList<>(0));
    }
    for (int i = 0; i < n; i++) {
      missing[i] = dependencies[i].length;
      for (int d : dependencies[i]) {
        dependents.get(d).add(i);
      }
    }
    int[] level = new int[n];
    Arrays.fill(level, -1);
    ArrayDeque<Integer> ready = new ArrayDeque<>();
    for (int i = 0; i < n; i++) {
      if (missing[i] == 0) {
        level[i] = 0;
        ready.add(i);
      }
    }
    int deepest = n == 0 ? -1 : 0;
    while (!ready.isEmpty()) {
      int u = ready.poll();
      for (int v : dependents.get(u)) {
        level[v] = Math.max(level[v], level[u] + 1);
        if (--missing[v] == 0) {
          deepest = Math.max(deepest, level[v]);
          ready.add(v);
        }
      }
    }
    List<List<StepTemplate>> byLevel = new ArrayList<>();
    for (int l = 0; l <= deepest; l++) {
      byLevel.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      if (missing[i] == 0) {
        byLevel.get(level[i]).add(steps.get(i));
      }
    }
    return byLevel.stream().map(List::copyOf).toList();
  }

  /**
   * One cycle per strongly connected component that has one, as a path of step names that starts
   * and ends with the component's first step in declaration order, each step depending on the
   * next; the shortest such path, ties broken by declared dependency order. Components are listed
   * by their first step.
   */
  List<List<String>> cycles() {
    List<List<String>> cycles = new ArrayList<>();
    int[] component = stronglyConnectedComponents();
    int[] size = new int[steps.size()];
    for (int c : component) {
      size[c]++;
    }
    boolean[] reported = new boolean[steps.size()];
    for (int start = 0; start < steps.size(); start++) {
      int c = component[start];
      if (size[c] > 1 && !reported[c]) {
        reported[c] = true;
        cycles.add(shortestCycleThrough(start, component));
      }
    }
    return cycles;
  }

  private List<String> shortestCycleThrough(int start, int[] component) {
    int[] parent = new int[steps.size()];
    Arrays.fill(parent, -1);
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(start);
    parent[start] = start;
    while (!queue.isEmpty()) {
      int u = queue.poll();
      for (int v : dependencies[u]) {
        if (v == start) {
          // Walk back from u to the start, then reverse: start -> ... -> u -> start.
          List<String> path = new ArrayList<>();
          path.add(steps.get(start).name());
          for (int w = u; w != start; w = parent[w]) {
            path.add(steps.get(w).name());
          }
          path.add(steps.get(start).name());
          Collections.reverse(path);
          return path;
        }
        if (component[v] == component[start] && parent[v] == -1) {
          parent[v] = u;
          queue.add(v);
        }
      }
    }
    throw new IllegalStateException("no cycle through " + steps.get(start).name());
  }

  /** Tarjan's algorithm with an explicit stack; returns each step's component number. */
  private int[] stronglyConnectedComponents() {
    int n = steps.size();
    int[] index = new int[n];
    int[] low = new int[n];
    int[] component = new int[n];
    int[] nextEdge = new int[n];
    boolean[] onStack = new boolean[n];
    Arrays.fill(index, -1);
    ArrayDeque<Integer> stack = new ArrayDeque<>();
    ArrayDeque<Integer> path = new ArrayDeque<>();
    int counter = 0;
    int components = 0;
    for (int root = 0; root < n; root++) {
      if (index[root] != -1) {
        continue;
      }
      path.push(root);
      while (!path.isEmpty()) {
        int u = path.peek();
        if (index[u] == -1) {
          index[u] = low[u] = counter++;
          stack.push(u);
          onStack[u] = true;
        }
        if (nextEdge[u] < dependencies[u].length) {
          int v = dependencies[u][nextEdge[u]++];
          if (index[v] == -1) {
            path.push(v);
          } else if (onStack[v]) {
            low[u] = Math.min(low[u], index[v]);
          }
          continue;
        }
        path.pop();
        if (!path.isEmpty()) {
          int caller = path.peek();
          low[caller] = Math.min(low[caller], low[u]);
        }
        if (low[u] == index[u]) {
          int w;
          do {
            w = stack.pop();
            onStack[w] = false;
            component[w] = components;
          } while (w != u);
          components++;
        }
      }
    }
    return component;
  }
}
