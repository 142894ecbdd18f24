package org.lmisbridge.sandbox;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Decides, per request, whether to misbehave. Rules match a method (or any) and a path prefix
 * or regex; a rule either plays a script (the next N matching requests) or strikes at a rate
 * with a seeded random, so a run can be replayed. The first matching rule with something to
 * say wins; used-up scripts drop out.
 */
public final class FaultInjector {
  /** One rule. */
  public static final class Rule {
    final String method;
    final String prefix;
    final Pattern regex;
    final Deque<Fault> script;
    final double rate;
    final Random random;
    final List<Fault> choices;

    private Rule(String method, String prefix, Pattern regex, Deque<Fault> script, double rate, Long seed,
        List<Fault> choices) {
      this.method = method;
      this.prefix = prefix;
      this.regex = regex;
      this.script = script;
      this.rate = rate;
      this.random = seed == null ? new Random() : new Random(seed);
      this.choices = choices;
    }

    boolean matches(String m, String path) {
      if (method != null && !method.equalsIgnoreCase(m)) return false;
      return regex != null ? regex.matcher(path).find() : path.startsWith(prefix);
    }

    synchronized Fault next() {
      if (script != null) return script.pollFirst();
      if (random.nextDouble() >= rate) return null;
      return choices.get(random.nextInt(choices.size()));
    }

    synchronized boolean exhausted() {
      return script != null && script.isEmpty();
    }

    @Override
    public synchronized String toString() {
      String where = (method == null ? "*" : method) + " " + (regex != null ? "~" + regex.pattern() : prefix);
      return script != null ? where + " script " + script : where + " rate " + rate + " " + choices;
    }
  }

  private final List<Rule> rules = new CopyOnWriteArrayList<>();

  /** The next requests to the path prefix (any method) get these faults in order. */
  public Rule script(String pathPrefix, Fault... faults) {
    return script(null, pathPrefix, faults);
  }

  public Rule script(String method, String pathPrefix, Fault... faults) {
    return add(new Rule(method, pathPrefix, null, new ArrayDeque<>(List.of(faults)), 0, null, List.of()));
  }

  public Rule scriptRegex(String method, String pathRegex, Fault... faults) {
    return add(new Rule(method, null, Pattern.compile(pathRegex), new ArrayDeque<>(List.of(faults)), 0, null, List.of()));
  }

  /** A share of requests (0..1) gets one of the faults, chosen by a random with the given seed. */
  public Rule rate(String method, String pathPrefix, double rate, long seed, Fault... faults) {
    return add(new Rule(method, pathPrefix, null, null, rate, seed, List.of(faults)));
  }

  public Rule rateRegex(String method, String pathRegex, double rate, long seed, Fault... faults) {
    return add(new Rule(method, null, Pattern.compile(pathRegex), null, rate, seed, List.of(faults)));
  }

  private Rule add(Rule r) {
    if (r.script == null && r.choices.isEmpty()) throw new IllegalArgumentException("A rate rule needs faults");
    rules.add(r);
    return r;
  }

  public void remove(Rule r) {
    rules.remove(r);
  }

  public void clear() {
    rules.clear();
  }

  public List<String> describe() {
    List<String> out = new ArrayList<>();
    for (Rule r : rules) out.add(r.toString());
    return out;
  }

  /** The fault for this request, or null to answer normally. */
  Fault decide(String method, String path) {
    for (Rule r : rules) {
      if (!r.matches(method, path)) continue;
      Fault f = r.next();
      if (r.exhausted()) rules.remove(r);
      if (f != null) return f.kind() == Fault.Kind.OK ? null : f;
    }
    return null;
  }
}
