package dev.tracehouse.intake;

import dev.tracehouse.model.Span;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes one wire format version into spans. Implementations live in one package per wire format
 * ({@code dev.tracehouse.intake.datadog}, ...), one class per version, are stateless and safe to
 * share between threads.
 */
public interface SpanDecoder {

  /** The media type this decoder reads, e.g. {@code application/msgpack}. */
  String contentType();

  /**
   * Decodes a whole request body, from its position to its limit, into chunks: the spans of one
   * trace that one client sent together. Formats without chunks (OTLP, Zipkin) group a payload's
   * spans by trace id.
   *
   * @return the chunks in payload order, each non-empty; empty for a payload of empty traces
   * @throws MalformedPayloadException when the body is not a valid payload (the only exception this
   *     method throws for bad input)
   */
  List<List<Span>> decodeChunks(ByteBuffer body);

  /** The spans of {@link #decodeChunks}, in payload order. */
  default List<Span> decode(ByteBuffer body) {
    List<List<Span>> chunks = decodeChunks(body);
    int total = 0;
    for (List<Span> chunk : chunks) {
      total += chunk.size();
    }
    List<Span> spans = new ArrayList<>(total);
    chunks.forEach(spans::addAll);
    return spans;
  }
}
