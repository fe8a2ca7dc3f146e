package dev.tracehouse.intake.otlp;

import dev.tracehouse.intake.SpanDecoder;
import dev.tracehouse.intake.internal.JsonCursor;
import dev.tracehouse.intake.internal.TraceChunks;
import dev.tracehouse.model.Span;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Decodes an OTLP/JSON {@code ExportTraceServiceRequest} ({@code POST /v1/traces}, {@code
 * application/json}) into spans, exactly as {@link OtlpProtoDecoder} maps the same request in
 * protobuf. Ids are hex, enums integers (or names), 64-bit integers JSON numbers or decimal strings
 * (read from their text, never through a double).
 */
public final class OtlpJsonDecoder implements SpanDecoder {
  public static final String CONTENT_TYPE = "application/json";

  @Override
  public String contentType() {
    return CONTENT_TYPE;
  }

  @Override
  public List<List<Span>> decodeChunks(ByteBuffer body) {
    return TraceChunks.byTraceId(decode(body));
  }

  @Override
  public List<Span> decode(ByteBuffer body) {
    return OtlpSpanMapper.map(OtlpJsonReader.read(JsonCursor.over(body)));
  }
}
