package dev.tracehouse.query.plan;

import dev.tracehouse.query.lang.Glob;
import dev.tracehouse.query.lang.Value;
import dev.tracehouse.store.IpAddresses;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What one value must satisfy. Strings and numbers: string checks never hold for numbers; numeric
 * checks hold for numbers and for strings that are {@linkplain TextRules#number numeric text}; only
 * finite numbers compare.
 */
public sealed interface Check {

  /** Any value at all. */
  record Exists() implements Check {}

  /**
   * The string equals {@code text}, or the value equals {@code number} numerically.
   *
   * @param text already lower-cased for case-insensitive sources
   */
  record Equals(String text, OptionalDouble number) implements Check {}

  /**
   * The whole string matches {@code glob}.
   *
   * @param glob already lower-cased for case-insensitive sources
   */
  record Like(Glob glob) implements Check {}

  /** The numeric value compares to {@code bound}. */
  record Compare(Value.Op op, double bound) implements Check {}

  /** The numeric value lies in {@code range}. */
  record Between(Value.Range range) implements Check {}

  /**
   * Free text: the {@linkplain TextRules#normalize normalized} string contains {@code phrase} as a
   * run of whole words.
   *
   * @param phrase normalized, not empty
   */
  record Words(String phrase) implements Check {}

  /**
   * Free text with wildcards: some word of the lower-cased string, or the whole lower-cased string,
   * matches {@code glob}.
   *
   * @param glob lower-cased
   */
  record WordGlob(Glob glob) implements Check {}

  /** The value (a normalized IP address) is in one of the ranges. */
  record InRanges(List<IpAddresses.Range> ranges) implements Check {
    public InRanges {
      ranges = List.copyOf(ranges);
    }
  }
}
