package dev.tracehouse.intake.otlp;

import com.google.protobuf.ByteString;
import dev.tracehouse.intake.internal.JsonCursor;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;

/**
 * Reads an OTLP/JSON {@code ExportTraceServiceRequest} into its protobuf message, so that JSON and
 * protobuf bodies share one mapping. Ids are hex (OTLP/JSON, not protobuf's base64), enums are
 * integers or their names, 64-bit integers are JSON numbers or decimal strings. Unknown fields are
 * skipped.
 */
final class OtlpJsonReader {
  private static final long UINT32_MAX = 0xFFFF_FFFFL;

  private OtlpJsonReader() {}

  static ExportTraceServiceRequest read(JsonCursor c) {
    c.next();
    if (!c.startObject("request")) {
      throw c.error("request: expected an ExportTraceServiceRequest object, got null");
    }
    ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
    while (c.nextField()) {
      if (c.key().equals("resourcespans") && c.startArray("resourceSpans")) {
        while (c.nextElement()) {
          int i = request.getResourceSpansCount();
          request.addResourceSpans(resourceSpans(c, "resourceSpans[" + i + "]"));
        }
      } else {
        c.skipValue();
      }
    }
    c.expectEnd();
    return request.build();
  }

  private static ResourceSpans resourceSpans(JsonCursor c, String at) {
    ResourceSpans.Builder rs = ResourceSpans.newBuilder();
    if (!c.startObject(at)) {
      return rs.build();
    }
    while (c.nextField()) {
      switch (c.key()) {
        case "resource" -> rs.setResource(resource(c, at + ".resource"));
        case "schemaurl" -> rs.setSchemaUrl(c.text(at + ".schemaUrl"));
        case "scopespans" -> {
          if (c.startArray(at + ".scopeSpans")) {
            while (c.nextElement()) {
              rs.addScopeSpans(scopeSpans(c, at + ".scopeSpans[" + rs.getScopeSpansCount() + "]"));
            }
          }
        }
        default -> c.skipValue();
      }
    }
    return rs.build();
  }

  private static Resource resource(JsonCursor c, String at) {
    Resource.Builder resource = Resource.newBuilder();
    if (c.startObject(at)) {
      while (c.nextField()) {
        if (c.key().equals("attributes")) {
          OtlpJsonValues.keyValues(c, at + ".attributes", 0, resource::addAttributes);
        } else {
          c.skipValue();
        }
      }
    }
    return resource.build();
  }

  private static ScopeSpans scopeSpans(JsonCursor c, String at) {
    ScopeSpans.Builder ss = ScopeSpans.newBuilder();
    if (!c.startObject(at)) {
      return ss.build();
    }
    while (c.nextField()) {
      switch (c.key()) {
        case "scope" -> ss.setScope(scope(c, at + ".scope"));
        case "schemaurl" -> ss.setSchemaUrl(c.text(at + ".schemaUrl"));
        case "spans" -> {
          if (c.startArray(at + ".spans")) {
            while (c.nextElement()) {
              ss.addSpans(span(c, at + ".spans[" + ss.getSpansCount() + "]"));
            }
          }
        }
        default -> c.skipValue();
      }
    }
    return ss.build();
  }

  private static InstrumentationScope scope(JsonCursor c, String at) {
    InstrumentationScope.Builder scope = InstrumentationScope.newBuilder();
    if (c.startObject(at)) {
      while (c.nextField()) {
        switch (c.key()) {
          case "name" -> scope.setName(c.text(at + ".name"));
          case "version" -> scope.setVersion(c.text(at + ".version"));
          case "attributes" ->
              OtlpJsonValues.keyValues(c, at + ".attributes", 0, scope::addAttributes);
          default -> c.skipValue();
        }
      }
    }
    return scope.build();
  }

  private static Span span(JsonCursor c, String at) {
    Span.Builder span = Span.newBuilder();
    if (!c.startObject(at)) {
      throw c.error(at + ": a span must be an object, got null");
    }
    while (c.nextField()) {
      String field = at + "." + c.fieldName();
      switch (c.key()) {
        case "traceid" -> span.setTraceId(ByteString.copyFrom(c.hex(field, 16)));
        case "spanid" -> span.setSpanId(ByteString.copyFrom(c.hex(field, 8)));
        case "parentspanid" -> span.setParentSpanId(ByteString.copyFrom(c.hex(field, 8, 0)));
        case "tracestate" -> span.setTraceState(c.text(field));
        case "name" -> span.setName(c.text(field));
        case "kind" -> span.setKindValue(OtlpJsonEnums.kind(c, field));
        case "starttimeunixnano" -> span.setStartTimeUnixNano(c.unsignedLong(field));
        case "endtimeunixnano" -> span.setEndTimeUnixNano(c.unsignedLong(field));
        case "attributes" -> OtlpJsonValues.keyValues(c, field, 0, span::addAttributes);
        case "events" -> {
          if (c.startArray(field)) {
            while (c.nextElement()) {
              span.addEvents(event(c, field + "[" + span.getEventsCount() + "]"));
            }
          }
        }
        case "links" -> {
          if (c.startArray(field)) {
            while (c.nextElement()) {
              span.addLinks(link(c, field + "[" + span.getLinksCount() + "]"));
            }
          }
        }
        case "status" -> span.setStatus(status(c, field));
        case "flags" -> span.setFlags((int) c.boundedLong(field, UINT32_MAX));
        default -> c.skipValue();
      }
    }
    return span.build();
  }

  private static Span.Event event(JsonCursor c, String at) {
    Span.Event.Builder event = Span.Event.newBuilder();
    if (c.startObject(at)) {
      while (c.nextField()) {
        String field = at + "." + c.fieldName();
        switch (c.key()) {
          case "timeunixnano" -> event.setTimeUnixNano(c.unsignedLong(field));
          case "name" -> event.setName(c.text(field));
          case "attributes" -> OtlpJsonValues.keyValues(c, field, 0, event::addAttributes);
          default -> c.skipValue();
        }
      }
    }
    return event.build();
  }

  private static Span.Link link(JsonCursor c, String at) {
    Span.Link.Builder link = Span.Link.newBuilder();
    if (c.startObject(at)) {
      while (c.nextField()) {
        String field = at + "." + c.fieldName();
        switch (c.key()) {
          case "traceid" -> link.setTraceId(ByteString.copyFrom(c.hex(field, 16)));
          case "spanid" -> link.setSpanId(ByteString.copyFrom(c.hex(field, 8)));
          case "tracestate" -> link.setTraceState(c.text(field));
          case "attributes" -> OtlpJsonValues.keyValues(c, field, 0, link::addAttributes);
          case "flags" -> link.setFlags((int) c.boundedLong(field, UINT32_MAX));
          default -> c.skipValue();
        }
      }
    }
    return link.build();
  }

  private static Status status(JsonCursor c, String at) {
    Status.Builder status = Status.newBuilder();
    if (c.startObject(at)) {
      while (c.nextField()) {
        switch (c.key()) {
          case "code" -> status.setCodeValue(OtlpJsonEnums.statusCode(c, at + ".code"));
          case "message" -> status.setMessage(c.text(at + ".message"));
          default -> c.skipValue();
        }
      }
    }
    return status.build();
  }
}
