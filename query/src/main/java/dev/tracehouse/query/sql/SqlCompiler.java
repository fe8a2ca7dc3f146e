package dev.tracehouse.query.sql;

import dev.tracehouse.query.lang.Value;
import dev.tracehouse.query.plan.Check;
import dev.tracehouse.query.plan.Plan;
import dev.tracehouse.query.plan.TextRules;
import dev.tracehouse.store.IpAddresses;
import dev.tracehouse.store.SqlCondition;
import dev.tracehouse.store.SqlDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Compiles a {@link Plan} to a DuckDB condition over the logical schemas of {@link
 * dev.tracehouse.store.EventFilter}. Every value from the query (keys and paths included) is a
 * parameter; the SQL text holds only constants. Every leaf is wrapped in {@code coalesce(...,
 * FALSE)}, so the condition is never NULL and negation means "not matching", absent values
 * included.
 */
public final class SqlCompiler {

  private final List<Object> params = new ArrayList<>();

  private SqlCompiler() {}

  /** The condition of {@code plan} in {@code dialect}. */
  public static SqlCondition compile(Plan plan, SqlDialect dialect) {
    SqlCompiler compiler = new SqlCompiler();
    String sql =
        switch (dialect) {
          case DUCKDB -> compiler.plan(plan);
        };
    return new SqlCondition(sql, compiler.params);
  }

  private String plan(Plan plan) {
    if (plan instanceof Plan.All) {
      return "TRUE";
    }
    if (plan instanceof Plan.None) {
      return "FALSE";
    }
    if (plan instanceof Plan.And and) {
      return join(and.operands(), " AND ");
    }
    if (plan instanceof Plan.Or or) {
      return join(or.operands(), " OR ");
    }
    if (plan instanceof Plan.Not not) {
      return "(NOT " + plan(not.operand()) + ")";
    }
    if (plan instanceof Plan.TraceIdIs id) {
      String sql = "trace_low = " + param(id.low());
      if (id.high().isPresent()) {
        sql += " AND trace_high = " + param(id.high().getAsLong());
      }
      return "coalesce(" + sql + ", FALSE)";
    }
    if (plan instanceof Plan.HasTraceId) {
      return "(trace_low IS NOT NULL)";
    }
    if (plan instanceof Plan.SpanIdIs id) {
      return "coalesce(span_id = " + param(id.id()) + ", FALSE)";
    }
    return test((Plan.Test) plan);
  }

  private String join(List<Plan> operands, String operator) {
    List<String> parts = new ArrayList<>();
    for (Plan p : operands) {
      parts.add(plan(p));
    }
    return "(" + String.join(operator, parts) + ")";
  }

  private String test(Plan.Test test) {
    Sources.Expr expr = Sources.of(test.source());
    boolean lower = !expr.numeric() && test.source().caseInsensitive();
    if (expr.list()) {
      String list = use(expr);
      Supplier<String> element = () -> lower ? "lower(_v)" : "_v";
      return "coalesce(len(list_filter("
          + list
          + ", _v -> "
          + check(test.check(), expr.numeric(), element)
          + ")) > 0, FALSE)";
    }
    Supplier<String> value = () -> lower ? "lower(" + use(expr) + ")" : use(expr);
    return "coalesce(" + check(test.check(), expr.numeric(), value) + ", FALSE)";
  }

  /**
   * The check on a value. The value is a supplier because an expression with parameters must add
   * them again at each place its text appears.
   */
  private String check(Check check, boolean numeric, Supplier<String> v) {
    return numeric ? onNumber(check, v) : onString(check, v);
  }

  private String onString(Check check, Supplier<String> v) {
    if (check instanceof Check.Exists) {
      return v.get() + " IS NOT NULL";
    }
    if (check instanceof Check.Equals eq) {
      String text = v.get() + " = " + param(eq.text());
      return eq.number().isEmpty()
          ? text
          : "("
              + text
              + " OR "
              + numericText(v, n -> numberEquals(n, eq.number().getAsDouble()))
              + ")";
    }
    if (check instanceof Check.Like like) {
      return v.get() + " LIKE " + param(like.glob().toLike()) + " ESCAPE '\\'";
    }
    if (check instanceof Check.Words words) {
      // CASE evaluates the regex only where the cheap test passes: each word of the phrase is
      // verbatim in the lower-cased text.
      return "CASE WHEN contains(lower("
          + v.get()
          + "), "
          + param(longestWord(words.phrase()))
          + ") THEN contains(' ' || trim(regexp_replace(lower("
          + v.get()
          + "), '"
          + TextRules.PHRASE_SEPARATOR_REGEX
          + "', ' ', 'g')) || ' ', "
          + param(" " + words.phrase() + " ")
          + ") ELSE FALSE END";
    }
    if (check instanceof Check.WordGlob glob) {
      String like = glob.glob().toLike();
      return "(lower("
          + v.get()
          + ") LIKE "
          + param(like)
          + " ESCAPE '\\' OR len(list_filter(regexp_extract_all(lower("
          + v.get()
          + "), '"
          + TextRules.WORD_REGEX
          + "'), _w -> _w LIKE "
          + param(like)
          + " ESCAPE '\\')) > 0)";
    }
    if (check instanceof Check.InRanges in) {
      List<String> ranges = new ArrayList<>();
      for (IpAddresses.Range r : in.ranges()) {
        ranges.add(v.get() + " BETWEEN " + param(r.low()) + " AND " + param(r.high()));
      }
      return "(" + String.join(" OR ", ranges) + ")";
    }
    return numericText(v, n -> onNumber(check, n));
  }

  /** Checks on a DOUBLE expression that may be NULL, NaN or infinite. */
  private String onNumber(Check check, Supplier<String> n) {
    if (check instanceof Check.Exists) {
      return n.get() + " IS NOT NULL";
    }
    if (check instanceof Check.Equals eq) {
      return eq.number().isEmpty() ? "FALSE" : numberEquals(n, eq.number().getAsDouble());
    }
    if (check instanceof Check.Compare c) {
      return "(isfinite("
          + n.get()
          + ") AND "
          + n.get()
          + " "
          + c.op().symbol()
          + " "
          + param(c.bound())
          + ")";
    }
    if (check instanceof Check.Between b) {
      Value.Range r = b.range();
      StringBuilder sql = new StringBuilder("(isfinite(" + n.get() + ")");
      if (r.low().isPresent()) {
        sql.append(" AND ").append(n.get()).append(r.lowInclusive() ? " >= " : " > ");
        sql.append(param(r.low().getAsDouble()));
      }
      if (r.high().isPresent()) {
        sql.append(" AND ").append(n.get()).append(r.highInclusive() ? " <= " : " < ");
        sql.append(param(r.high().getAsDouble()));
      }
      return sql.append(")").toString();
    }
    return "FALSE";
  }

  private String numberEquals(Supplier<String> n, double literal) {
    return "(isfinite(" + n.get() + ") AND " + n.get() + " = " + param(literal) + ")";
  }

  private static String longestWord(String phrase) {
    String longest = "";
    for (String word : phrase.split(" ")) {
      longest = word.length() > longest.length() ? word : longest;
    }
    return longest;
  }

  /**
   * A check on the number in a string expression, true only where the text is numeric as the
   * in-memory predicate reads it ({@link TextRules#NUMBER_REGEX}). The cheap {@code TRY_CAST} is
   * checked first and the regex only runs where it passed: where the regex matches, the cast is the
   * number itself, so this equals the check on "the number when the regex matches, else NULL".
   */
  private String numericText(Supplier<String> v, Function<Supplier<String>, String> check) {
    return "CASE WHEN "
        + check.apply(() -> "TRY_CAST(" + v.get() + " AS DOUBLE)")
        + " THEN regexp_full_match("
        + v.get()
        + ", '"
        + TextRules.NUMBER_REGEX
        + "') ELSE FALSE END";
  }

  /** The text of {@code expr}, adding its parameters at this point. */
  private String use(Sources.Expr expr) {
    params.addAll(expr.params());
    return expr.sql();
  }

  /** Adds a parameter and returns its placeholder. */
  private String param(Object value) {
    params.add(value);
    return "?";
  }
}
