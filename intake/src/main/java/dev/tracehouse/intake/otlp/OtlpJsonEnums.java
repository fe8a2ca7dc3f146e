package dev.tracehouse.intake.otlp;

import com.fasterxml.jackson.core.JsonToken;
import dev.tracehouse.intake.internal.JsonCursor;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;

/** OTLP/JSON enums: integers (what OTLP/JSON specifies) or, leniently, their protobuf names. */
final class OtlpJsonEnums {
  private OtlpJsonEnums() {}

  static int kind(JsonCursor c, String what) {
    if (c.token() == JsonToken.VALUE_STRING && !isDigits(c.text(what))) {
      try {
        return SpanKind.valueOf(c.text(what)).getNumber();
      } catch (IllegalArgumentException e) {
        throw c.error(what + ": unknown span kind '" + c.text(what) + "'");
      }
    }
    return (int) c.boundedLong(what, SpanKind.SPAN_KIND_CONSUMER_VALUE);
  }

  static int statusCode(JsonCursor c, String what) {
    if (c.token() == JsonToken.VALUE_STRING && !isDigits(c.text(what))) {
      try {
        return StatusCode.valueOf(c.text(what)).getNumber();
      } catch (IllegalArgumentException e) {
        throw c.error(what + ": unknown status code '" + c.text(what) + "'");
      }
    }
    return (int) c.boundedLong(what, StatusCode.STATUS_CODE_ERROR_VALUE);
  }

  private static boolean isDigits(String text) {
    return !text.isEmpty() && text.chars().allMatch(ch -> ch >= '0' && ch <= '9');
  }
}
