package dev.tracehouse.pipeline.sampling;

import dev.tracehouse.model.Span;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;

/**
 * Decides which spans of each chunk are stored, after stats have seen all of them. In order: a user
 * drop (priority -1) stores nothing; the priority decision (the client's priority, counted by
 * {@link PrioritySampler}, or {@link NoPrioritySampler}'s rate for chunks without one); then the
 * rare sampler; then the error sampler. A dropped chunk still stores, alone, its
 * single-span-sampled spans or else its analyzed spans. Every stored span carries meta {@value
 * Reason#META_KEY} (and the {@link KeptSpanTag} the sampler was created with, in the same copy).
 * Thread-safe.
 */
public final class TraceSampler {
  static final String SPAN_SAMPLING_KEY = "_dd.span_sampling.mechanism";

  private final PrioritySampler priority;
  private final NoPrioritySampler noPriority;
  private final ErrorSampler errors;
  private final RareSampler rare;
  private final AnalyzedSpans analyzed;
  private final String defaultEnv;
  private final KeptSpanTag extraTag;
  private final Map<Reason, LongAdder> kept = new EnumMap<>(Reason.class);
  private final LongAdder droppedChunks = new LongAdder();
  private final LongAdder droppedSpans = new LongAdder();

  private TraceSampler(SamplingConfig config, Clock clock, KeptSpanTag extraTag) {
    this.extraTag = extraTag;
    this.priority = new PrioritySampler(clock, config.targetTps());
    this.noPriority = new NoPrioritySampler(clock, config.targetTps());
    this.errors = new ErrorSampler(clock, config.errorTps());
    this.rare =
        new RareSampler(clock, config.rareEnabled(), config.rareTps(), config.rareCooldown());
    this.analyzed = new AnalyzedSpans(config.analyzedSpans(), config.maxEps(), clock);
    this.defaultEnv = config.defaultEnv();
    for (Reason r : Reason.values()) {
      kept.put(r, new LongAdder());
    }
  }

  public static TraceSampler create(SamplingConfig config, Clock clock) {
    return new TraceSampler(
        Objects.requireNonNull(config, "config"), Objects.requireNonNull(clock, "clock"), null);
  }

  /** A sampler that also writes {@code extraTag} on every stored span, with the reason. */
  public static TraceSampler create(SamplingConfig config, Clock clock, KeptSpanTag extraTag) {
    return new TraceSampler(
        Objects.requireNonNull(config, "config"),
        Objects.requireNonNull(clock, "clock"),
        Objects.requireNonNull(extraTag, "extraTag"));
  }

  /** Decides a chunk sent without {@code Datadog-Client-Dropped-P0-Traces}. */
  public Decision decide(List<Span> chunk) {
    return decide(chunk, 0);
  }

  /**
   * Decides one chunk.
   *
   * @param chunk the spans of one trace sent together, not empty
   * @param clientDroppedP0Weight this chunk's share of the priority-0 traces the client dropped
   *     itself: {@code Datadog-Client-Dropped-P0-Traces / chunks in the payload}, {@code >= 0}
   * @throws IllegalArgumentException for an empty chunk or a negative or non-finite weight
   */
  public Decision decide(List<Span> chunk, double clientDroppedP0Weight) {
    if (!(clientDroppedP0Weight >= 0) || Double.isInfinite(clientDroppedP0Weight)) {
      throw new IllegalArgumentException(
          "clientDroppedP0Weight must be >= 0, got " + clientDroppedP0Weight);
    }
    Chunk c = new Chunk(chunk, defaultEnv);
    Decision decision =
        c.hasPriority() && c.priority < 0 ? Decision.drop() : sample(c, clientDroppedP0Weight);
    decision.reason().ifPresentOrElse(r -> kept.get(r).increment(), droppedChunks::increment);
    droppedSpans.add(c.spans.size() - decision.spans().size());
    return decision;
  }

  private Decision sample(Chunk c, double droppedWeight) {
    boolean byPriority =
        c.hasPriority() ? priority.sampleWithPriority(c, droppedWeight) : noPriority.sample(c);
    OptionalInt rareSpan = rare.sample(c, byPriority);
    List<Span> events = analyzed.extract(c);
    if (byPriority) {
      Reason reason =
          c.hasPriority() ? Reason.ofDecisionMaker(c.decisionMaker(), c.priority) : Reason.AUTO;
      return keepChunk(c, reason, events, UnaryOperator.identity());
    }
    if (rareSpan.isPresent()) {
      long rareId = c.spans.get(rareSpan.getAsInt()).spanId();
      Map<String, Double> flag = Map.of(RareSampler.RARE_KEY, 1.0);
      return keepChunk(
          c, Reason.RARE, events, s -> s.spanId() == rareId ? Spans.withMetrics(s, flag) : s);
    }
    OptionalDouble errorRate = errors.sample(c);
    if (errorRate.isPresent()) {
      Map<String, Double> rate = Map.of(ErrorSampler.RATE_KEY, errorRate.getAsDouble());
      long rootId = c.root.spanId();
      return keepChunk(
          c, Reason.ERROR, events, s -> s.spanId() == rootId ? Spans.withMetrics(s, rate) : s);
    }
    List<Span> singleSpans =
        c.spans.stream().filter(s -> s.metrics().containsKey(SPAN_SAMPLING_KEY)).toList();
    if (!singleSpans.isEmpty()) {
      return Decision.keep(Reason.SINGLE_SPAN, tagged(singleSpans, Reason.SINGLE_SPAN));
    }
    return events.isEmpty()
        ? Decision.drop()
        : Decision.keep(Reason.ANALYZED, tagged(events, Reason.ANALYZED));
  }

  /** The whole chunk, analyzed spans replaced by their marked copies, then {@code mark} applied. */
  private Decision keepChunk(Chunk c, Reason reason, List<Span> events, UnaryOperator<Span> mark) {
    Map<Long, Span> eventsById = new HashMap<>();
    events.forEach(e -> eventsById.put(e.spanId(), e));
    List<Span> spans = new ArrayList<>(c.spans.size());
    for (Span s : c.spans) {
      spans.add(mark.apply(eventsById.isEmpty() ? s : eventsById.getOrDefault(s.spanId(), s)));
    }
    return Decision.keep(reason, tagged(spans, reason));
  }

  /** The spans with the reason, and the extra tag if any, in one copy each. */
  private List<Span> tagged(List<Span> spans, Reason reason) {
    String[] extra = extraTag == null ? null : extraTag.values(spans);
    List<Span> out = new ArrayList<>(spans.size());
    for (int i = 0; i < spans.size(); i++) {
      Span s = spans.get(i);
      out.add(
          extra == null
              ? Spans.withMeta(s, Reason.META_KEY, reason.tag())
              : Spans.withMeta(s, Reason.META_KEY, reason.tag(), extraTag.key(), extra[i]));
    }
    return out;
  }

  /** The {@code rate_by_service} map the trace endpoints return; see {@link PrioritySampler}. */
  public Map<String, Double> rateByService() {
    return priority.rateByService();
  }

  public void setRareSamplerEnabled(boolean enabled) {
    rare.setEnabled(enabled);
  }

  public boolean isRareSamplerEnabled() {
    return rare.isEnabled();
  }

  /** Chunks stored (wholly or in part) for a reason since start. */
  public long keptChunks(Reason reason) {
    return kept.get(reason).sum();
  }

  /** Chunks of which nothing was stored since start. */
  public long droppedChunks() {
    return droppedChunks.sum();
  }

  /** Spans not stored since start, including those left out of partly stored chunks. */
  public long droppedSpans() {
    return droppedSpans.sum();
  }
}
