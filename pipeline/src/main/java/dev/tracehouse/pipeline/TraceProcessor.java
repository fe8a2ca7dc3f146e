package dev.tracehouse.pipeline;

import dev.tracehouse.model.ClientStatsPayload;
import dev.tracehouse.model.ServiceMapBucket;
import dev.tracehouse.model.Span;
import dev.tracehouse.model.StatsBucket;
import dev.tracehouse.pipeline.normalize.NormalizationCounters;
import dev.tracehouse.pipeline.normalize.NormalizationResult;
import dev.tracehouse.pipeline.normalize.Normalizer;
import dev.tracehouse.pipeline.normalize.SpanObfuscator;
import dev.tracehouse.pipeline.retention.RetentionFilters;
import dev.tracehouse.pipeline.sampling.Decision;
import dev.tracehouse.pipeline.sampling.Reason;
import dev.tracehouse.pipeline.sampling.SamplingConfig;
import dev.tracehouse.pipeline.sampling.TraceSampler;
import dev.tracehouse.pipeline.stats.ServiceMapAggregator;
import dev.tracehouse.pipeline.stats.StatsConcentrator;
import dev.tracehouse.pipeline.toplevel.TopLevel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The trace agent's processing of one payload, in the Datadog agent's order: normalise (fix or
 * reject), obfuscate SQL and Redis, mark top-level spans, count stats and service-map edges on
 * EVERY chunk (before sampling), then sample, then let the retention filters mark which kept spans
 * are indexed. What {@link #process} returns is what to store. Thread-safe; one instance serves
 * every listener.
 */
public final class TraceProcessor {
  private final Normalizer normalizer;
  private final NormalizationCounters normalization = new NormalizationCounters();
  private final SpanObfuscator obfuscator = new SpanObfuscator();
  private final StatsConcentrator stats;
  private final ServiceMapAggregator serviceMap;
  private final TraceSampler sampler;
  private final RetentionFilters retention;

  /** A processor with the default retention filters ({@link RetentionFilters#defaults()}). */
  public TraceProcessor(Clock clock, SamplingConfig sampling) {
    this(clock, sampling, RetentionFilters.defaults());
  }

  public TraceProcessor(Clock clock, SamplingConfig sampling, RetentionFilters retention) {
    Objects.requireNonNull(clock, "clock");
    this.retention = Objects.requireNonNull(retention, "retention");
    this.normalizer = new Normalizer(clock);
    this.stats = new StatsConcentrator(clock);
    this.serviceMap = new ServiceMapAggregator(clock);
    this.sampler = TraceSampler.create(sampling, clock, retention);
  }

  /**
   * Processes one payload.
   *
   * @return the spans the samplers kept, ready to store; indexed ones carry meta {@value
   *     RetentionFilters#META_KEY}
   */
  public List<Span> process(TracePayload payload) {
    NormalizationResult normalized = normalizer.normalize(payload.chunks(), payload.lang());
    normalization.record(normalized);
    List<List<Span>> chunks = normalized.chunks();
    double droppedP0Share =
        chunks.isEmpty() ? 0 : (double) payload.clientDroppedP0Traces() / chunks.size();
    List<Span> kept = new ArrayList<>();
    for (List<Span> chunk : chunks) {
      List<Span> marked = TopLevel.mark(obfuscated(chunk), payload.clientComputedTopLevel());
      stats.add(marked, payload.clientComputedStats());
      serviceMap.add(marked);
      Decision decision = sampler.decide(marked, droppedP0Share);
      kept.addAll(decision.spans());
    }
    return kept;
  }

  /** The chunk with every span obfuscated; the chunk itself when no span changed. */
  private List<Span> obfuscated(List<Span> chunk) {
    List<Span> out = null;
    for (int i = 0; i < chunk.size(); i++) {
      Span span = chunk.get(i);
      Span hidden = obfuscator.obfuscate(span);
      if (hidden != span && out == null) {
        out = new ArrayList<>(chunk.subList(0, i));
      }
      if (out != null) {
        out.add(hidden);
      }
    }
    return out == null ? chunk : out;
  }

  /** Merges stats a client computed itself ({@code /v0.6/stats}). */
  public void addClientStats(ClientStatsPayload payload) {
    stats.addClientStats(payload);
  }

  /** The rates Datadog clients get back ({@code rate_by_service}). */
  public Map<String, Double> rateByService() {
    return sampler.rateByService();
  }

  /** Closed stats buckets (every bucket when {@code force}, e.g. at shutdown). */
  public List<StatsBucket> flushStats(boolean force) {
    return stats.flush(force);
  }

  /** Closed service-map buckets (every bucket when {@code force}). */
  public List<ServiceMapBucket> flushServiceMap(boolean force) {
    return serviceMap.flush(force);
  }

  /** The retention filters' settings and counters, for {@code /api/agent/status}. */
  public Map<String, Object> retentionStatus() {
    return retention.status();
  }

  /** Counters for {@code /api/agent/status}: normalisation fixes and drops, sampling decisions. */
  public Map<String, Long> counters() {
    Map<String, Long> out = new TreeMap<>(normalization.snapshot());
    for (Reason reason : Reason.values()) {
      out.put("sampling.kept_chunks." + reason.tag(), sampler.keptChunks(reason));
    }
    out.put("sampling.dropped_chunks", sampler.droppedChunks());
    out.put("sampling.dropped_spans", sampler.droppedSpans());
    out.put("stats.dropped_for_cardinality", stats.droppedForCardinality());
    out.put("obfuscation.sql_failures", obfuscator.sqlFailures());
    out.put("service_map.unresolved_calls", serviceMap.unresolvedCalls());
    return out;
  }
}
