package dev.tracehouse.bench.load;

import java.util.List;

/** Mean, sample standard deviation, minimum and maximum of a few measurements. */
record Spread(double mean, double stdev, double min, double max, int count) {

  static Spread of(List<Double> values) {
    if (values.isEmpty()) {
      return new Spread(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
    }
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      sum += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double mean = sum / values.size();
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double stdev = values.size() < 2 ? 0 : Math.sqrt(squares / (values.size() - 1));
    return new Spread(mean, stdev, min, max, values.size());
  }

  /** {@code mean ± stdev} with the given number format, such as {@code %.1f}. */
  String format(String number) {
    return String.format(number + " ± " + number, mean, stdev);
  }

  /** A change in percent: {@code +1.2 % [-0.5, +3.0]} (mean of the ratios, their min and max). */
  String percent() {
    return String.format("%+.1f %% [%+.1f, %+.1f]", 100 * mean, 100 * min, 100 * max);
  }
}
