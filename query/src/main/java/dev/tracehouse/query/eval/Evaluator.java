package dev.tracehouse.query.eval;

import dev.tracehouse.query.plan.Check;
import dev.tracehouse.query.plan.Plan;
import dev.tracehouse.query.plan.TextRules;
import java.util.OptionalDouble;

/** Evaluates a {@link Plan} on one event in memory. */
public final class Evaluator {

  private Evaluator() {}

  public static boolean test(Plan plan, Row row) {
    if (plan instanceof Plan.All) {
      return true;
    }
    if (plan instanceof Plan.None) {
      return false;
    }
    if (plan instanceof Plan.And and) {
      return and.operands().stream().allMatch(p -> test(p, row));
    }
    if (plan instanceof Plan.Or or) {
      return or.operands().stream().anyMatch(p -> test(p, row));
    }
    if (plan instanceof Plan.Not not) {
      return !test(not.operand(), row);
    }
    if (plan instanceof Plan.TraceIdIs id) {
      return row.traceId()
          .filter(t -> t.low() == id.low())
          .filter(t -> id.high().isEmpty() || t.high() == id.high().getAsLong())
          .isPresent();
    }
    if (plan instanceof Plan.HasTraceId) {
      return row.traceId().isPresent();
    }
    if (plan instanceof Plan.SpanIdIs id) {
      return row.spanId() == id.id();
    }
    Plan.Test test = (Plan.Test) plan;
    boolean ci = test.source().caseInsensitive();
    for (String s : row.strings(test.source())) {
      if (onString(test.check(), ci ? TextRules.lower(s) : s)) {
        return true;
      }
    }
    for (double d : row.numbers(test.source())) {
      if (onNumber(test.check(), d)) {
        return true;
      }
    }
    return false;
  }

  private static boolean onString(Check check, String s) {
    if (check instanceof Check.Exists) {
      return true;
    }
    if (check instanceof Check.Equals eq) {
      return s.equals(eq.text()) || numberEquals(TextRules.number(s), eq.number());
    }
    if (check instanceof Check.Like like) {
      return like.glob().matches(s);
    }
    if (check instanceof Check.Words words) {
      return TextRules.containsPhrase(TextRules.normalize(s), words.phrase());
    }
    if (check instanceof Check.WordGlob glob) {
      String lower = TextRules.lower(s);
      return glob.glob().matches(lower)
          || TextRules.words(lower).stream().anyMatch(glob.glob()::matches);
    }
    if (check instanceof Check.InRanges in) {
      return in.ranges().stream().anyMatch(r -> r.contains(s));
    }
    OptionalDouble n = TextRules.number(s);
    return n.isPresent() && numeric(check, n.getAsDouble());
  }

  private static boolean onNumber(Check check, double d) {
    if (check instanceof Check.Exists) {
      return true;
    }
    if (!Double.isFinite(d)) {
      return false;
    }
    if (check instanceof Check.Equals eq) {
      return numberEquals(OptionalDouble.of(d), eq.number());
    }
    return numeric(check, d);
  }

  /** Comparisons and ranges; false for string-only checks. */
  private static boolean numeric(Check check, double d) {
    if (check instanceof Check.Compare c) {
      return c.op().test(d, c.bound());
    }
    if (check instanceof Check.Between b) {
      return b.range().contains(d);
    }
    return false;
  }

  private static boolean numberEquals(OptionalDouble value, OptionalDouble literal) {
    return value.isPresent() && literal.isPresent() && value.getAsDouble() == literal.getAsDouble();
  }
}
