package dev.tracehouse.query.analytics;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The aggregation functions of {@code spec/search-syntax.md} section 4.2, by API name. */
public enum Statistic {
  COUNT("count", 0),
  CARDINALITY("cardinality", 0),
  SUM("sum", 0),
  MIN("min", 0),
  MAX("max", 0),
  AVG("avg", 0),
  MEDIAN("median", 50),
  PC75("pc75", 75),
  PC90("pc90", 90),
  PC95("pc95", 95),
  PC98("pc98", 98),
  PC99("pc99", 99);

  private final String apiName;
  private final int percent;

  Statistic(String apiName, int percent) {
    this.apiName = apiName;
    this.percent = percent;
  }

  public String apiName() {
    return apiName;
  }

  /** The percentile in percent (50 for the median), 0 for the other functions. */
  int percent() {
    return percent;
  }

  /** Whether it needs a measure (a numeric {@code @attribute} or {@code @duration}). */
  boolean needsMeasure() {
    return this != COUNT && this != CARDINALITY;
  }

  /** What an empty time bucket shows: 0 for count, cardinality and sum, else null. */
  Double emptyValue() {
    return this == COUNT || this == CARDINALITY || this == SUM ? 0.0 : null;
  }

  /** The function called {@code name} in the API ({@code pc50} is the median). */
  static Optional<Statistic> named(String name) {
    if (name.equals("pc50")) {
      return Optional.of(MEDIAN);
    }
    return Arrays.stream(values()).filter(s -> s.apiName.equals(name)).findFirst();
  }

  /** The API names, for error messages. */
  static String names() {
    return Arrays.stream(values()).map(s -> s.apiName).collect(Collectors.joining(", ")) + ", pc50";
  }
}
