package dev.tracehouse.pipeline.sampling;

import dev.tracehouse.model.Span;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The facts the samplers read from one chunk, computed once: its root, priority, env and whether it
 * holds an error span; the decision maker on demand.
 */
final class Chunk {
  static final String PRIORITY_KEY = "_sampling_priority_v1";
  static final String DECISION_MAKER_KEY = "_dd.p.dm";
  static final String ENV_KEY = "env";

  /** Marker of "no priority" (OTLP, Zipkin, old tracers). */
  static final int NO_PRIORITY = Integer.MIN_VALUE;

  final List<Span> spans;
  final Span root;
  final int priority;
  final String env;
  final boolean hasError;

  Chunk(List<Span> spans, String defaultEnv) {
    if (spans == null || spans.isEmpty()) {
      throw new IllegalArgumentException("chunk has no spans");
    }
    this.spans = List.copyOf(spans);
    this.root = findRoot(this.spans);
    this.priority = readPriority(root, this.spans);
    this.env = readMeta(root, this.spans, ENV_KEY, defaultEnv);
    this.hasError = this.spans.stream().anyMatch(Span::error);
  }

  boolean hasPriority() {
    return priority != NO_PRIORITY;
  }

  /** The decision maker ({@code _dd.p.dm}) from the root, else from any span; "" when none. */
  String decisionMaker() {
    return readMeta(root, spans, DECISION_MAKER_KEY, "");
  }

  long traceIdLow() {
    return root.traceId().low();
  }

  /** The root: parent 0, else the span whose parent is not in the chunk, else the first span. */
  private static Span findRoot(List<Span> spans) {
    Set<Long> ids = new HashSet<>();
    for (Span s : spans) {
      if (s.parentId() == 0) {
        return s;
      }
      ids.add(s.spanId());
    }
    for (Span s : spans) {
      if (!ids.contains(s.parentId())) {
        return s;
      }
    }
    return spans.get(0);
  }

  /** Priority from the root, else from any span (Java puts it on the root, Node on every span). */
  private static int readPriority(Span root, List<Span> spans) {
    Double value = root.metrics().get(PRIORITY_KEY);
    for (int i = 0; value == null && i < spans.size(); i++) {
      value = spans.get(i).metrics().get(PRIORITY_KEY);
    }
    if (value == null || !Double.isFinite(value)) {
      return NO_PRIORITY;
    }
    return (int) Math.max(-1, Math.min(2, Math.round(value)));
  }

  private static String readMeta(Span root, List<Span> spans, String key, String fallback) {
    String value = root.meta().get(key);
    for (int i = 0; (value == null || value.isEmpty()) && i < spans.size(); i++) {
      value = spans.get(i).meta().get(key);
    }
    return value == null || value.isEmpty() ? fallback : value;
  }
}
