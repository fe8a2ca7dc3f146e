package dev.tracehouse.query.analytics;

import dev.tracehouse.model.Span;
import dev.tracehouse.query.eval.SpanRow;
import dev.tracehouse.query.lang.Query;
import dev.tracehouse.query.plan.Source;
import dev.tracehouse.query.plan.SpanPlanner;
import dev.tracehouse.query.plan.TextRules;
import dev.tracehouse.query.sql.FieldSql;
import dev.tracehouse.store.SqlExpression;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * A facet or measure of spans, named as a search key: a reserved field ({@code service}, {@code
 * resource_name} …), a tag ({@code kube_deployment}), or an {@code @attribute} ({@code
 * @http.status_code}, {@code @duration}). It reads the same values a search on that key does
 * ({@link SpanPlanner#sources}); its text and number follow the rules of {@link FieldSql}.
 *
 * @param name the name as given
 * @param sources what it reads on a span
 */
record Field(String name, List<Source> sources) {

  /** Characters a field name may not contain: query syntax, wildcards, whitespace, controls. */
  private static final Pattern FORBIDDEN = Pattern.compile("[\\s*?:\"()\\[\\]{}<>\\\\\\p{Cntrl}]");

  static final int MAX_NAME_LENGTH = 200;

  /**
   * The field {@code name} names.
   *
   * @param where the request field, named in the error ({@code group_by[0].facet})
   * @throws IllegalArgumentException naming {@code where} when the name is not a field of spans
   */
  static Field parse(String name, String where) {
    boolean attribute = name.startsWith("@");
    String key = attribute ? name.substring(1) : name;
    if (key.isEmpty() || name.length() > MAX_NAME_LENGTH || FORBIDDEN.matcher(name).find()) {
      throw new IllegalArgumentException(
          where
              + ": '"
              + Requests.shown(name)
              + "' is not a field name (a reserved field, a tag key or @attribute, without"
              + " spaces, wildcards or query syntax, at most "
              + MAX_NAME_LENGTH
              + " characters)");
    }
    if (!attribute && (key.equals("trace_id") || key.equals("span_id"))) {
      throw new IllegalArgumentException(where + ": '" + name + "' cannot be grouped or measured");
    }
    return new Field(name, SpanPlanner.sources(new Query.Key(key, attribute, 0)));
  }

  /** Whether it can be a measure: only attributes (numeric values; others are ignored). */
  boolean measure() {
    return name.startsWith("@");
  }

  /** The text of the first source with a value, null when none. */
  String text(Span span) {
    SpanRow row = new SpanRow(span);
    for (Source source : sources) {
      List<String> strings = row.strings(source);
      if (!strings.isEmpty()) {
        return strings.get(0);
      }
      List<Double> numbers = row.numbers(source);
      if (!numbers.isEmpty()) {
        return numberText(numbers.get(0));
      }
    }
    return null;
  }

  /** The first finite number among the sources (numeric text included), empty when none. */
  OptionalDouble number(Span span) {
    SpanRow row = new SpanRow(span);
    for (Source source : sources) {
      for (String s : row.strings(source)) {
        OptionalDouble n = TextRules.number(s);
        if (n.isPresent()) {
          return n;
        }
      }
      for (double d : row.numbers(source)) {
        if (Double.isFinite(d)) {
          return OptionalDouble.of(d);
        }
      }
    }
    return OptionalDouble.empty();
  }

  SqlExpression textSql() {
    return FieldSql.text(sources);
  }

  SqlExpression numberSql() {
    return FieldSql.number(sources);
  }

  /**
   * A number as group text, like {@link FieldSql}: from 10<sup>15</sup> on, 7 significant digits
   * ({@code 1.000000e+300}); below, a whole number when integral, else 6 decimals without trailing
   * zeros. Rounding is half even on the exact binary value, as C's {@code printf}; null for NaN and
   * infinities.
   */
  static String numberText(double d) {
    if (!Double.isFinite(d)) {
      return null;
    }
    if (Math.abs(d) >= 1e15) {
      BigDecimal digits = new BigDecimal(d).round(new MathContext(7, RoundingMode.HALF_EVEN));
      return String.format(Locale.ROOT, "%.6e", digits);
    }
    if (d == Math.rint(d)) {
      return Long.toString((long) d);
    }
    String fixed = new BigDecimal(d).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    if (d < 0 && !fixed.startsWith("-")) {
      fixed = "-" + fixed;
    }
    int end = fixed.length();
    while (fixed.charAt(end - 1) == '0') {
      end--;
    }
    if (fixed.charAt(end - 1) == '.') {
      end--;
    }
    return fixed.substring(0, end);
  }
}
