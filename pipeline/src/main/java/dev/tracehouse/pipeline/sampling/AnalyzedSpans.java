package dev.tracehouse.pipeline.sampling;

import dev.tracehouse.model.Span;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Legacy App Analytics: picks the analyzed spans (APM events) of a chunk ({@code spec/apm-model.md}
 * section 8). A span's extraction rate comes from its {@code _dd1.sr.eausr} metric, else from the
 * {@link AnalyzedSpanRules} for its (service, operation); USER_KEEP chunks raise any positive rate
 * to 1. An event is kept when the deterministic check on the trace id passes the rate and then, for
 * every chunk but USER_KEEP ones, the {@code DD_APM_MAX_EPS} limit (default 200/s). Kept events get
 * {@code _dd.analyzed = 1} and {@code _dd1.sr.eausr}, {@code _dd1.sr.eamax}, {@code _dd1.sr.rcusr}
 * (the root's {@code _sample_rate}) and {@code _dd1.sr.rapre}, each left out when 1. Thread-safe.
 */
public final class AnalyzedSpans {
  static final String EXTRACTION_RATE = "_dd1.sr.eausr";
  static final String MAX_EPS_RATE = "_dd1.sr.eamax";
  static final String CLIENT_RATE = "_dd1.sr.rcusr";
  static final String PRE_SAMPLER_RATE = "_dd1.sr.rapre";
  static final String ANALYZED = "_dd.analyzed";
  private static final int USER_KEEP = 2;

  private final AnalyzedSpanRules rules;
  private final Clock clock;
  private final EventRateLimiter limiter;

  /**
   * @param rules the fixed rates of {@code DD_APM_ANALYZED_SPANS}
   * @param maxEps the most events kept per second (USER_KEEP excepted), {@code > 0}
   * @param clock the time source
   */
  public AnalyzedSpans(AnalyzedSpanRules rules, double maxEps, Clock clock) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (!(maxEps > 0) || Double.isInfinite(maxEps)) {
      throw new IllegalArgumentException("maxEps must be > 0, got " + maxEps);
    }
    this.limiter = new EventRateLimiter(maxEps);
  }

  /** The chunk's analyzed spans, as marked copies, in chunk order. */
  List<Span> extract(Chunk chunk) {
    List<Span> events = new ArrayList<>();
    for (Span span : chunk.spans) {
      OptionalDouble configured = extractionRate(span);
      if (configured.isEmpty()) {
        continue;
      }
      double rate = configured.getAsDouble();
      if (chunk.priority == USER_KEEP && rate > 0) {
        rate = 1;
      }
      if (!RateCheck.keep(chunk.traceIdLow(), rate)) {
        continue;
      }
      double epsRate = chunk.priority == USER_KEEP ? 1 : epsRate();
      if (EventRateLimiter.keep(span.spanId(), epsRate)) {
        events.add(mark(span, chunk.root, rate, epsRate));
      }
    }
    return events;
  }

  private OptionalDouble extractionRate(Span span) {
    Double metric = span.metrics().get(EXTRACTION_RATE);
    if (metric != null && Double.isFinite(metric)) {
      return OptionalDouble.of(metric);
    }
    return rules.isEmpty() ? OptionalDouble.empty() : rules.rate(span.service(), span.name());
  }

  private synchronized double epsRate() {
    return limiter.countAndRate(clock.millis());
  }

  private static Span mark(Span span, Span root, double rate, double epsRate) {
    Map<String, Double> changes = new HashMap<>();
    changes.put(ANALYZED, 1.0);
    changes.put(EXTRACTION_RATE, unlessOne(rate));
    changes.put(MAX_EPS_RATE, unlessOne(epsRate));
    changes.put(CLIENT_RATE, unlessOne(root.metrics().getOrDefault("_sample_rate", 1.0)));
    changes.put(PRE_SAMPLER_RATE, unlessOne(root.metrics().getOrDefault(PRE_SAMPLER_RATE, 1.0)));
    return Spans.withMetrics(span, changes);
  }

  /** {@code null} (remove the key) for rates of 1 or more, the rate otherwise. */
  private static Double unlessOne(double rate) {
    return rate >= 1 ? null : rate;
  }
}
