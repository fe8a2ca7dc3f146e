package dev.tracehouse.query.lang;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Numeric literals of the grammar ({@code number_u}): a number with an optional time unit. */
final class Numbers {

  private static final Pattern NUMBER_WITH_UNIT =
      Pattern.compile("([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?)([a-zµ]*)");

  /** Factor from each unit to nanoseconds. Units are case-sensitive. */
  private static final Map<String, Double> UNITS =
      Map.of(
          "ns", 1.0,
          "us", 1e3,
          "µs", 1e3,
          "ms", 1e6,
          "s", 1e9,
          "m", 60e9,
          "h", 3600e9);

  private Numbers() {}

  /**
   * The value of {@code text} in the key's base unit.
   *
   * @param timeUnit whether the key is a measure with a time unit (units are then accepted)
   * @param offset where {@code text} starts, for errors
   * @throws QueryParseException when it is not a number, has an unknown unit, or has a unit on a
   *     key without one
   */
  static double parse(String text, Query.Key key, int offset) {
    Matcher m = NUMBER_WITH_UNIT.matcher(text);
    if (!m.matches()) {
      throw new QueryParseException("expected a number, got '" + text + "'", offset);
    }
    double value = Double.parseDouble(m.group(1));
    String unit = m.group(2);
    if (unit.isEmpty()) {
      return value;
    }
    Double factor = UNITS.get(unit);
    if (factor == null) {
      throw new QueryParseException(
          "unknown unit '" + unit + "' (use ns, us, µs, ms, s, m or h)", offset);
    }
    if (!key.hasTimeUnit()) {
      throw new QueryParseException(
          "unit '"
              + unit
              + "' on "
              + (key.attribute() ? "@" : "")
              + key.name()
              + ", which has no time unit (only @duration has one)",
          offset);
    }
    return value * factor;
  }

  /** The value of {@code text} when it is a number (with a unit only for time keys), else empty. */
  static OptionalDouble tryParse(String text, Query.Key key) {
    Matcher m = NUMBER_WITH_UNIT.matcher(text);
    if (!m.matches()) {
      return OptionalDouble.empty();
    }
    String unit = m.group(2);
    if (unit.isEmpty()) {
      return OptionalDouble.of(Double.parseDouble(m.group(1)));
    }
    Double factor = UNITS.get(unit);
    return factor != null && key.hasTimeUnit()
        ? OptionalDouble.of(Double.parseDouble(m.group(1)) * factor)
        : OptionalDouble.empty();
  }
}
