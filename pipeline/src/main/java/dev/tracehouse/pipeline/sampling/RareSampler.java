package dev.tracehouse.pipeline.sampling;

import dev.tracehouse.model.Span;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Keeps a chunk the other samplers would drop when one of its top-level or measured spans shows a
 * combination of (env, service, name, resource, {@code error.type}, {@code http.status_code}) not
 * seen recently, at most {@code tps} chunks per second (burst 50). Combinations seen in a kept
 * chunk count as seen for 10 minutes, those it kept itself for the cooldown (default 5 minutes).
 * Off by default, as on recent Datadog agents; {@link #setEnabled} switches it at run time. Memory
 * is bounded: at most 200 combinations per (env, service) and 1000 (env, service) pairs; over the
 * bound new combinations are treated as seen. Thread-safe.
 */
public final class RareSampler {
  static final String RARE_KEY = "_dd.rare";
  private static final long PRIORITY_TTL_MILLIS = Duration.ofMinutes(10).toMillis();
  private static final int CARDINALITY = 200;
  private static final int MAX_SHARDS = 1000;
  private static final double BURST = 50;

  private final Clock clock;
  private final double tps;
  private final long cooldownMillis;
  private final Map<String, Map<String, Long>> seen =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Long>> eldest) {
          return size() > MAX_SHARDS;
        }
      };
  private volatile boolean enabled;
  private double tokens = BURST;
  private long lastRefillMillis;

  /**
   * @param clock the time source
   * @param enabled whether it starts switched on
   * @param tps rare chunks to keep per second at most, {@code > 0}
   * @param cooldown how long a combination it kept stays "seen", positive
   */
  public RareSampler(Clock clock, boolean enabled, double tps, Duration cooldown) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (!(tps > 0) || Double.isInfinite(tps)) {
      throw new IllegalArgumentException("rare sampler tps must be > 0, got " + tps);
    }
    if (cooldown == null || cooldown.isNegative() || cooldown.isZero()) {
      throw new IllegalArgumentException("rare sampler cooldown must be positive, got " + cooldown);
    }
    this.enabled = enabled;
    this.tps = tps;
    this.cooldownMillis = cooldown.toMillis();
    this.lastRefillMillis = clock.millis();
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public boolean isEnabled() {
    return enabled;
  }

  /**
   * Learns a chunk and, for a chunk no other sampler kept, returns the index of the span that makes
   * it rare when it is to be kept.
   *
   * @param kept whether the priority decision already keeps the chunk
   */
  synchronized OptionalInt sample(Chunk chunk, boolean kept) {
    if (!enabled) {
      return OptionalInt.empty();
    }
    long now = clock.millis();
    if (kept) {
      remember(chunk, now, now + Math.max(PRIORITY_TTL_MILLIS, cooldownMillis));
      return OptionalInt.empty();
    }
    for (int i = 0; i < chunk.spans.size(); i++) {
      Span span = chunk.spans.get(i);
      if (!eligible(chunk, span)) {
        continue;
      }
      Map<String, Long> shard = shard(chunk, span);
      Long expiry = shard.get(combination(span));
      boolean isNew = expiry == null ? hasRoom(shard, now) : now > expiry;
      if (isNew && takeToken(now)) {
        remember(chunk, now, now + cooldownMillis);
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  private void remember(Chunk chunk, long now, long expiry) {
    for (Span span : chunk.spans) {
      if (eligible(chunk, span)) {
        Map<String, Long> shard = shard(chunk, span);
        String combination = combination(span);
        if (shard.containsKey(combination) || hasRoom(shard, now)) {
          shard.merge(combination, expiry, Math::max);
        }
      }
    }
  }

  /** Whether the shard can take one more combination, after dropping expired ones. */
  private static boolean hasRoom(Map<String, Long> shard, long now) {
    if (shard.size() >= CARDINALITY) {
      shard.values().removeIf(expiry -> expiry < now);
    }
    return shard.size() < CARDINALITY;
  }

  private boolean takeToken(long now) {
    tokens = Math.min(BURST, tokens + Math.max(0, now - lastRefillMillis) * tps / 1000.0);
    lastRefillMillis = Math.max(lastRefillMillis, now);
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }

  private Map<String, Long> shard(Chunk chunk, Span span) {
    return seen.computeIfAbsent(chunk.env + '\u0000' + span.service(), k -> new LinkedHashMap<>());
  }

  private static boolean eligible(Chunk chunk, Span span) {
    return span == chunk.root
        || Spans.flag(span, "_top_level")
        || Spans.flag(span, "_dd.top_level")
        || Spans.flag(span, "_dd.measured");
  }

  private static String combination(Span span) {
    return span.name()
        + '\u0000'
        + span.resource()
        + '\u0000'
        + span.meta().getOrDefault("error.type", "")
        + '\u0000'
        + span.meta().getOrDefault("http.status_code", "");
  }
}
