package dev.tracehouse.query.lang;

import java.util.OptionalDouble;

/** The value side of a term. Numbers carry their time unit already applied (ns). */
public sealed interface Value {

  /** Where the value starts in the query. */
  int offset();

  /**
   * A literal or wildcard value, or free text.
   *
   * @param glob the text (wildcards only outside quotes)
   * @param phrase whether it was quoted: exact text, never a number
   * @param number the value as a number when it is one (unquoted, without wildcards)
   * @param offset where it starts
   */
  record Match(Glob glob, boolean phrase, OptionalDouble number, int offset) implements Value {}

  /** {@code *} as a value: the key is present. */
  record Exists(int offset) implements Value {}

  /** {@code >N}, {@code >=N}, {@code <N}, {@code <=N}. */
  record Compare(Op op, double number, int offset) implements Value {}

  /**
   * {@code [A TO B]} and its variants; an empty bound is {@code *}.
   *
   * @param low the lower bound, if any
   * @param lowInclusive whether the bracket was {@code [}
   * @param high the upper bound, if any
   * @param highInclusive whether the bracket was {@code ]}
   * @param offset where the range starts
   */
  record Range(
      OptionalDouble low,
      boolean lowInclusive,
      OptionalDouble high,
      boolean highInclusive,
      int offset)
      implements Value {

    /** Whether {@code x} lies in the range. */
    public boolean contains(double x) {
      return (low.isEmpty() || (lowInclusive ? x >= low.getAsDouble() : x > low.getAsDouble()))
          && (high.isEmpty() || (highInclusive ? x <= high.getAsDouble() : x < high.getAsDouble()));
    }
  }

  /** A comparison operator. */
  enum Op {
    GT(">"),
    GE(">="),
    LT("<"),
    LE("<=");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    /** Whether {@code x op bound} holds. */
    public boolean test(double x, double bound) {
      return switch (this) {
        case GT -> x > bound;
        case GE -> x >= bound;
        case LT -> x < bound;
        case LE -> x <= bound;
      };
    }
  }
}
