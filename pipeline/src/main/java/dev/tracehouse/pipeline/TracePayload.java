package dev.tracehouse.pipeline;

import dev.tracehouse.model.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One decoded request: its chunks and what the client said about them in its headers.
 *
 * @param source the wire format family it came in
 * @param chunks the spans of one trace sent together, per chunk, in payload order
 * @param lang {@code Datadog-Meta-Lang} ("" when absent), used for fallback service names
 * @param clientComputedTopLevel {@code Datadog-Client-Computed-Top-Level} was true: trust the
 *     client's {@code _dd.top_level} markers
 * @param clientComputedStats {@code Datadog-Client-Computed-Stats} was true: the client sends these
 *     spans' stats to {@code /v0.6/stats}, so they must not be counted again
 * @param clientDroppedP0Traces {@code Datadog-Client-Dropped-P0-Traces}: priority-0 chunks the
 *     client dropped without sending (0 when absent)
 */
public record TracePayload(
    Source source,
    List<List<Span>> chunks,
    String lang,
    boolean clientComputedTopLevel,
    boolean clientComputedStats,
    long clientDroppedP0Traces) {

  /** Where a payload came from. */
  public enum Source {
    DATADOG,
    OTLP,
    ZIPKIN
  }

  public TracePayload {
    Objects.requireNonNull(source, "source");
    chunks = List.copyOf(chunks);
    lang = Objects.requireNonNullElse(lang, "");
  }

  /** A payload of a format without client flags (OTLP, Zipkin). */
  public static TracePayload of(Source source, List<List<Span>> chunks) {
    return new TracePayload(source, chunks, "", false, false, 0);
  }

  public int spanCount() {
    int n = 0;
    for (List<Span> chunk : chunks) {
      n += chunk.size();
    }
    return n;
  }

  /** Every span, in payload order. */
  public List<Span> spans() {
    List<Span> spans = new ArrayList<>(spanCount());
    chunks.forEach(spans::addAll);
    return spans;
  }
}
