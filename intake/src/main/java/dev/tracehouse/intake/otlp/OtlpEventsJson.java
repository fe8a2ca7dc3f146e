package dev.tracehouse.intake.otlp;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tracehouse.model.TraceId;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;

/**
 * Span events and links as the meta JSON dd-trace-js writes: {@code events} is {@code [{"name",
 * "time_unix_nano", "attributes": {k: v}}]} and {@code _dd.span_links} is {@code [{"trace_id": 32
 * hex, "span_id": 16 hex, "attributes", "tracestate", "flags"}]}; empty attributes, tracestate and
 * flags are left out, and link flags keep only the W3C trace-flags byte.
 */
final class OtlpEventsJson {
  private OtlpEventsJson() {}

  static String events(List<Span.Event> events) {
    return OtlpJson.write(
        g -> {
          g.writeStartArray();
          for (Span.Event event : events) {
            g.writeStartObject();
            g.writeStringField("name", event.getName());
            g.writeFieldName("time_unix_nano");
            writeUnsigned(g, event.getTimeUnixNano());
            if (event.getAttributesCount() > 0) {
              g.writeFieldName("attributes");
              OtlpAttributes.writeObject(g, event.getAttributesList());
            }
            g.writeEndObject();
          }
          g.writeEndArray();
        });
  }

  /** The links, whose ids the caller has validated (16 and 8 bytes). */
  static String links(List<Span.Link> links) {
    return OtlpJson.write(
        g -> {
          g.writeStartArray();
          for (Span.Link link : links) {
            TraceId traceId = OtlpIds.traceId(link.getTraceId().toByteArray());
            g.writeStartObject();
            g.writeStringField("trace_id", traceId.toHex());
            g.writeStringField(
                "span_id", TraceId.hex16(OtlpIds.spanId(link.getSpanId().toByteArray())));
            if (link.getAttributesCount() > 0) {
              g.writeFieldName("attributes");
              OtlpAttributes.writeObject(g, link.getAttributesList());
            }
            if (!link.getTraceState().isEmpty()) {
              g.writeStringField("tracestate", link.getTraceState());
            }
            if ((link.getFlags() & 0xFF) != 0) {
              g.writeNumberField("flags", link.getFlags() & 0xFF);
            }
            g.writeEndObject();
          }
          g.writeEndArray();
        });
  }

  private static void writeUnsigned(JsonGenerator g, long value) throws IOException {
    if (value >= 0) {
      g.writeNumber(value);
    } else {
      g.writeNumber(new BigInteger(Long.toUnsignedString(value)));
    }
  }
}
