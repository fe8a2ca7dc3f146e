package dev.tracehouse.intake.otlp;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import java.util.Map;

/**
 * Status and exceptions: {@code otel.status_code} ({@code Ok}/{@code Error}) and {@code
 * otel.status_description}; on an error status, {@code error.type}/{@code error.message}/{@code
 * error.stack} from the first {@code exception} event, then {@code error.message} from the status
 * message, each only where the client did not set the tag itself.
 */
final class OtlpStatus {
  private OtlpStatus() {}

  /** Adds the tags; returns whether the span is an error. */
  static boolean apply(Span span, OtlpTags tags) {
    int code = span.getStatus().getCodeValue();
    if (code == StatusCode.STATUS_CODE_OK_VALUE) {
      tags.putIfAbsent("otel.status_code", "Ok");
    }
    if (code != StatusCode.STATUS_CODE_ERROR_VALUE) {
      return false;
    }
    tags.putIfAbsent("otel.status_code", "Error");
    tags.putIfAbsent("otel.status_description", span.getStatus().getMessage());
    for (Span.Event event : span.getEventsList()) {
      if (event.getName().equals("exception")) {
        Map<String, AnyValue> attributes = OtlpSpanMapper.index(event.getAttributesList());
        tags.putIfAbsent("error.type", OtlpSpanMapper.textOf(attributes.get("exception.type")));
        tags.putIfAbsent(
            "error.message", OtlpSpanMapper.textOf(attributes.get("exception.message")));
        tags.putIfAbsent(
            "error.stack", OtlpSpanMapper.textOf(attributes.get("exception.stacktrace")));
        break;
      }
    }
    tags.putIfAbsent("error.message", span.getStatus().getMessage());
    return true;
  }
}
