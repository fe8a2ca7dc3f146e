package dev.tracehouse.intake;

import dev.tracehouse.model.Span;
import java.nio.ByteBuffer;
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
   * Decodes a whole request body, from its position to its limit.
   *
   * @return the spans in payload order; empty for a payload of empty traces
   * @throws MalformedPayloadException when the body is not a valid payload (the only exception this
   *     method throws for bad input)
   */
  List<Span> decode(ByteBuffer body);
}
