package dev.tracehouse.query.plan;

import dev.tracehouse.query.lang.Query;
import dev.tracehouse.query.lang.QueryParseException;
import dev.tracehouse.query.lang.Value;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Binds a {@link Query} to one event kind: the structure is common, the meaning of keys, free text
 * and functions is the subclass's. Errors that only binding can see (an id that is not one, a
 * construct the kind lacks) are {@link QueryParseException}s with the offset of the culprit.
 */
public abstract sealed class Planner permits SpanPlanner, LogPlanner {

  private static final Pattern DECIMAL_ID = Pattern.compile("[0-9]{1,20}");
  private static final Pattern HEX_128 = Pattern.compile("[0-9a-fA-F]{32}");

  /** The plan of {@code query}. */
  public final Plan plan(Query query) {
    if (query instanceof Query.And and) {
      return new Plan.And(and.operands().stream().map(this::plan).toList());
    }
    if (query instanceof Query.Or or) {
      return new Plan.Or(or.operands().stream().map(this::plan).toList());
    }
    if (query instanceof Query.Not not) {
      return new Plan.Not(plan(not.operand()));
    }
    if (query instanceof Query.FreeText text) {
      return freeText(text.value());
    }
    if (query instanceof Query.FullText text) {
      return fullText(text);
    }
    if (query instanceof Query.Term term) {
      return term(term.key(), term.value());
    }
    if (query instanceof Query.Cidr cidr) {
      return cidr(cidr);
    }
    return new Plan.All(); // Query.MatchAll, the one case left
  }

  abstract Plan term(Query.Key key, Value value);

  abstract Plan freeText(Value.Match value);

  abstract Plan fullText(Query.FullText text);

  abstract Plan cidr(Query.Cidr cidr);

  /** The check that free text makes on one string source. */
  private static Check freeTextCheck(Value.Match value) {
    if (!value.phrase() && value.glob().hasWildcards()) {
      return new Check.WordGlob(value.glob().lowerCase());
    }
    return new Check.Words(TextRules.normalize(value.glob().literal()));
  }

  /** A test of free text on {@code sources}; a phrase without words matches nothing. */
  static Plan freeTextOn(Value.Match value, Source... sources) {
    Check check = freeTextCheck(value);
    if (check instanceof Check.Words words && words.phrase().isEmpty()) {
      return new Plan.None();
    }
    Plan[] tests = new Plan[sources.length];
    for (int i = 0; i < sources.length; i++) {
      tests[i] = new Plan.Test(sources[i], check);
    }
    return tests.length == 1 ? tests[0] : new Plan.Or(List.of(tests));
  }

  /** The usual check of a key/value term on {@code source}. */
  static Plan test(Source source, Value value) {
    return new Plan.Test(source, check(source, value, Function.identity()));
  }

  /**
   * The usual check; {@code aliases} maps an exact (lower-cased, for case-insensitive sources)
   * value to the stored one.
   */
  static Check check(Source source, Value value, Function<String, String> aliases) {
    if (value instanceof Value.Compare c) {
      return new Check.Compare(c.op(), c.number());
    }
    if (value instanceof Value.Range r) {
      return new Check.Between(r);
    }
    if (value instanceof Value.Match m) {
      boolean ci = source.caseInsensitive();
      if (!m.phrase() && m.glob().hasWildcards()) {
        return new Check.Like(ci ? m.glob().lowerCase() : m.glob());
      }
      String text = m.glob().literal();
      return new Check.Equals(aliases.apply(ci ? TextRules.lower(text) : text), m.number());
    }
    return new Check.Exists();
  }

  /** Either of two sources passes the check (an attribute that may be a string or a number). */
  static Plan either(Source a, Source b, Value value) {
    return new Plan.Or(List.of(test(a, value), test(b, value)));
  }

  /** {@code trace_id:<id>}: decimal 64-bit (low half) or 32 hex digits (all 128 bits). */
  static Plan traceId(Value value, Plan whenExists) {
    if (value instanceof Value.Exists) {
      return whenExists;
    }
    String text = idText(value, "trace_id");
    if (HEX_128.matcher(text).matches()) {
      return new Plan.TraceIdIs(
          OptionalLong.of(Long.parseUnsignedLong(text.substring(0, 16), 16)),
          Long.parseUnsignedLong(text.substring(16), 16));
    }
    return new Plan.TraceIdIs(OptionalLong.empty(), decimalId(text, value, "trace_id"));
  }

  /** {@code span_id:<id>}: an unsigned decimal 64-bit id. */
  static Plan spanId(Value value) {
    if (value instanceof Value.Exists) {
      return new Plan.All();
    }
    return new Plan.SpanIdIs(decimalId(idText(value, "span_id"), value, "span_id"));
  }

  private static String idText(Value value, String key) {
    if (value instanceof Value.Match m && !m.glob().hasWildcards()) {
      return m.glob().literal();
    }
    throw new QueryParseException(
        key + " takes one id (decimal 64-bit or 32 hex digits), not a pattern or range",
        value.offset());
  }

  private static long decimalId(String text, Value value, String key) {
    if (DECIMAL_ID.matcher(text).matches()) {
      try {
        return Long.parseUnsignedLong(text);
      } catch (NumberFormatException tooBig) {
        // reported below
      }
    }
    throw new QueryParseException(
        key
            + ": expected an unsigned decimal 64-bit id"
            + (key.equals("trace_id") ? " or 32 hex digits" : "")
            + ", got '"
            + text
            + "'",
        value.offset());
  }

  /** Looks {@code value} up in {@code aliases}, keeping it when absent. */
  static Function<String, String> aliases(Map<String, String> aliases) {
    return v -> aliases.getOrDefault(v, v);
  }
}
