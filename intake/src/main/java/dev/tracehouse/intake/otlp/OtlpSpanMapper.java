package dev.tracehouse.intake.otlp;

import com.google.protobuf.ByteString;
import dev.tracehouse.intake.MalformedPayloadException;
import dev.tracehouse.intake.internal.SemanticNames;
import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Maps an {@code ExportTraceServiceRequest} onto the Datadog model (spec/agent-intake.md section
 * 14); the module README lists every rule. Errors in field values (bad id lengths, zero ids, times
 * past 2262) are {@link MalformedPayloadException}s naming the field, with offset -1 (unknown).
 */
final class OtlpSpanMapper {
  static final String UNKNOWN_SERVICE = "unknown_service";

  /** Attributes that become span fields instead of tags. */
  private static final Set<String> FIELDS =
      Set.of("service.name", "operation.name", "resource.name", "span.type");

  private static final String[] KINDS = {
    "", "internal", "server", "client", "producer", "consumer"
  };

  private OtlpSpanMapper() {}

  static List<Span> map(ExportTraceServiceRequest request) {
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i < request.getResourceSpansCount(); i++) {
      ResourceSpans rs = request.getResourceSpans(i);
      OtlpResource resource = OtlpResource.of(rs.getResource().getAttributesList(), FIELDS);
      for (int j = 0; j < rs.getScopeSpansCount(); j++) {
        ScopeSpans ss = rs.getScopeSpans(j);
        for (int k = 0; k < ss.getSpansCount(); k++) {
          String at = "resourceSpans[" + i + "].scopeSpans[" + j + "].spans[" + k + "]";
          spans.add(span(resource, ss.getScope(), ss.getSpans(k), at));
        }
      }
    }
    return spans;
  }

  private static Span span(
      OtlpResource resource,
      InstrumentationScope scope,
      io.opentelemetry.proto.trace.v1.Span span,
      String at) {
    TraceId traceId = OtlpIds.traceId(id(span.getTraceId(), 16, false, at + ".traceId"));
    long spanId = OtlpIds.spanId(id(span.getSpanId(), 8, false, at + ".spanId"));
    long parentId =
        span.getParentSpanId().isEmpty()
            ? 0
            : OtlpIds.spanId(id(span.getParentSpanId(), 8, true, at + ".parentSpanId"));
    Map<String, AnyValue> attributes = index(span.getAttributesList());
    Function<String, String> text = key -> textOf(attributes.get(key));
    String kind = span.getKindValue() < KINDS.length ? KINDS[span.getKindValue()] : "";

    Map<String, String> meta = new LinkedHashMap<>(resource.meta());
    Map<String, Double> metrics = new LinkedHashMap<>(resource.metrics());
    for (KeyValue kv : span.getAttributesList()) {
      if (!FIELDS.contains(kv.getKey())) {
        OtlpAttributes.put(kv.getKey(), kv.getValue(), meta, metrics);
      }
    }
    OtlpTags tags = new OtlpTags(meta, metrics);
    tags.putIfAbsent("env", resource.env());
    tags.putIfAbsent("version", resource.version());
    tags.putIfAbsent("span.kind", kind);
    tags.putIfAbsent("otel.scope.name", scope.getName());
    tags.putIfAbsent("otel.scope.version", scope.getVersion());
    boolean error = OtlpStatus.apply(span, tags);
    if (span.getEventsCount() > 0) {
      tags.putIfAbsent("events", OtlpEventsJson.events(span.getEventsList()));
    }
    if (span.getLinksCount() > 0) {
      for (int i = 0; i < span.getLinksCount(); i++) {
        id(span.getLinks(i).getTraceId(), 16, true, at + ".links[" + i + "].traceId");
        id(span.getLinks(i).getSpanId(), 8, true, at + ".links[" + i + "].spanId");
      }
      tags.putIfAbsent("_dd.span_links", OtlpEventsJson.links(span.getLinksList()));
    }
    if (traceId.high() != 0) {
      meta.put("_dd.p.tid", TraceId.hex16(traceId.high()));
    }

    long start = time(span.getStartTimeUnixNano(), at + ".startTimeUnixNano");
    long end = time(span.getEndTimeUnixNano(), at + ".endTimeUnixNano");
    String service = first(text.apply("service.name"), resource.service(), UNKNOWN_SERVICE);
    String name = first(text.apply("operation.name"), SemanticNames.operationName(kind, text), "");
    String resourceName =
        first(text.apply("resource.name"), SemanticNames.resource(kind, text, span.getName()), "");
    String type = first(text.apply("span.type"), SemanticNames.type(kind, text), "");
    return new Span(
        traceId,
        spanId,
        parentId,
        service,
        name,
        resourceName,
        type,
        start,
        end > start ? end - start : 0,
        error,
        meta,
        metrics);
  }

  private static byte[] id(ByteString id, int length, boolean zeroAllowed, String at) {
    if (id.size() != length) {
      throw new MalformedPayloadException(
          at + ": expected " + length + " bytes, got " + id.size(), -1);
    }
    byte[] bytes = id.toByteArray();
    if (!zeroAllowed && id.equals(ByteString.copyFrom(new byte[length]))) {
      throw new MalformedPayloadException(at + ": an all-zero id is invalid", -1);
    }
    return bytes;
  }

  private static long time(long unixNano, String at) {
    if (unixNano < 0) {
      throw new MalformedPayloadException(
          at + ": " + Long.toUnsignedString(unixNano) + " ns is past the year 2262", -1);
    }
    return unixNano;
  }

  static Map<String, AnyValue> index(List<KeyValue> attributes) {
    Map<String, AnyValue> index = new HashMap<>();
    for (KeyValue kv : attributes) {
      index.put(kv.getKey(), kv.getValue());
    }
    return index;
  }

  static String textOf(AnyValue value) {
    return value == null ? null : OtlpAttributes.text(value);
  }

  private static String first(String a, String b, String fallback) {
    if (a != null && !a.isEmpty()) {
      return a;
    }
    return b != null && !b.isEmpty() ? b : fallback;
  }
}
