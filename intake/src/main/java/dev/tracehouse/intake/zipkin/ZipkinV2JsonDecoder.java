package dev.tracehouse.intake.zipkin;

import dev.tracehouse.intake.SpanDecoder;
import dev.tracehouse.intake.internal.JsonCursor;
import dev.tracehouse.intake.internal.TraceChunks;
import dev.tracehouse.model.Span;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a Zipkin v2 JSON body ({@code POST /api/v2/spans}: a JSON array of spans) into spans.
 * {@code traceId} is 16 or 32 hex digits, {@code id} and {@code parentId} 16; {@code timestamp} and
 * {@code duration} are microseconds. Unknown fields are skipped. The mapping onto the Datadog model
 * is described in the module README.
 */
public final class ZipkinV2JsonDecoder implements SpanDecoder {
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
    JsonCursor c = JsonCursor.over(body);
    c.next();
    if (!c.startArray("spans")) {
      throw c.error("spans: expected a JSON array of spans, got null");
    }
    List<Span> spans = new ArrayList<>();
    while (c.nextElement()) {
      String at = "spans[" + spans.size() + "]";
      spans.add(ZipkinSpanMapper.map(ZipkinJsonReader.span(c, at), at));
    }
    c.expectEnd();
    return spans;
  }
}
