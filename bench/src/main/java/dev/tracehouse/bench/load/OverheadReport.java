package dev.tracehouse.bench.load;

import dev.tracehouse.bench.load.ProcessCpu.ThreadKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Collects the overhead harness's runs and prints them: one line per run, then per mode the mean ±
 * standard deviation over rounds of throughput, CPU per request (cafe, taster) and latency
 * percentiles, and against the baseline mode the mean of the per-round ratios with their min and
 * max. Ratios are paired by round (the baseline and the mode ran minutes apart on the same box), so
 * a slow round of the machine moves both sides and cancels out.
 */
final class OverheadReport {
  private final List<TracingMode> modes;
  private final List<RunResult> runs = new ArrayList<>();
  private final Map<TracingMode, List<Double>> startups = new EnumMap<>(TracingMode.class);
  private final Map<TracingMode, List<Double>> startupCpu = new EnumMap<>(TracingMode.class);

  OverheadReport(List<TracingMode> modes) {
    this.modes = List.copyOf(modes);
  }

  void startup(TracingMode mode, ChildJvm cafe) {
    startups.computeIfAbsent(mode, m -> new ArrayList<>()).add(cafe.readyMillis());
    startupCpu.computeIfAbsent(mode, m -> new ArrayList<>()).add(cafe.readyCpuMillis());
  }

  void run(RunResult run) {
    runs.add(run);
    System.out.printf(
        "round %d %-4s %8.1f req/s  %d failed  cafe %6.1f µs CPU/req (%s)  taster %6.1f µs CPU/req"
            + "  latency ms %s  %s%n",
        run.round() + 1,
        name(run.mode()),
        run.load().perSecond(),
        run.load().failures(),
        run.cafeMicrosPerRequest(),
        byKind(run),
        run.tasterMicrosPerRequest(),
        run.load().latencies().summary(),
        run.warmup().describe());
  }

  void print() {
    TracingMode baseline = modes.get(0);
    System.out.printf(
        "%nsummary over %d round(s), mean ± stdev (baseline %s)%n", rounds(), name(baseline));
    for (TracingMode mode : modes) {
      System.out.printf(
          "%-4s %s req/s  cafe %s µs CPU/req (without JIT %s)  taster %s µs CPU/req"
              + "  p50 %s  p90 %s  p99 %s ms  failed %d  ready median %.0f ms (CPU %.0f ms)%n",
          name(mode),
          spread(mode, r -> r.load().perSecond()).format("%.1f"),
          spread(mode, RunResult::cafeMicrosPerRequest).format("%.1f"),
          spread(mode, OverheadReport::withoutJit).format("%.1f"),
          spread(mode, RunResult::tasterMicrosPerRequest).format("%.1f"),
          spread(mode, r -> r.percentileMillis(0.50)).format("%.2f"),
          spread(mode, r -> r.percentileMillis(0.90)).format("%.2f"),
          spread(mode, r -> r.percentileMillis(0.99)).format("%.2f"),
          of(mode).stream().mapToLong(r -> r.load().failures()).sum(),
          median(startups.getOrDefault(mode, List.of())),
          median(startupCpu.getOrDefault(mode, List.of())));
    }
    System.out.printf(
        "%nvs %s, mean of per-round ratios - 1 [min, max over rounds]%n", name(baseline));
    for (TracingMode mode : modes.subList(1, modes.size())) {
      System.out.printf(
          "%-4s req/s %s  cafe CPU/req %s  without JIT %s  p50 %s  p99 %s%n",
          name(mode),
          paired(mode, baseline, r -> r.load().perSecond()).percent(),
          paired(mode, baseline, RunResult::cafeMicrosPerRequest).percent(),
          paired(mode, baseline, OverheadReport::withoutJit).percent(),
          paired(mode, baseline, r -> r.percentileMillis(0.50)).percent(),
          paired(mode, baseline, r -> r.percentileMillis(0.99)).percent());
    }
  }

  private static String byKind(RunResult run) {
    StringBuilder text = new StringBuilder();
    for (ThreadKind kind : ThreadKind.values()) {
      text.append(text.length() == 0 ? "" : " ")
          .append(name(kind))
          .append(String.format(" %.1f", run.cafeMicrosPerRequest(kind)));
    }
    return text.toString();
  }

  /** The cafe's CPU per request without its JIT compiler threads (a warm-up cost). */
  private static double withoutJit(RunResult run) {
    return run.cafeMicrosPerRequest() - run.cafeMicrosPerRequest(ThreadKind.JIT);
  }

  private int rounds() {
    return runs.stream().mapToInt(RunResult::round).max().orElse(-1) + 1;
  }

  private List<RunResult> of(TracingMode mode) {
    return runs.stream().filter(r -> r.mode() == mode).toList();
  }

  private Spread spread(TracingMode mode, ToDoubleFunction<RunResult> measure) {
    return Spread.of(of(mode).stream().map(measure::applyAsDouble).toList());
  }

  /** {@code measure(mode) / measure(baseline) - 1} for every round that has both. */
  private Spread paired(
      TracingMode mode, TracingMode baseline, ToDoubleFunction<RunResult> measure) {
    List<Double> ratios = new ArrayList<>();
    for (RunResult run : of(mode)) {
      for (RunResult base : of(baseline)) {
        if (base.round() == run.round()) {
          ratios.add(measure.applyAsDouble(run) / measure.applyAsDouble(base) - 1);
        }
      }
    }
    return Spread.of(ratios);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.isEmpty() ? Double.NaN : sorted.get((sorted.size() - 1) / 2);
  }

  private static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
