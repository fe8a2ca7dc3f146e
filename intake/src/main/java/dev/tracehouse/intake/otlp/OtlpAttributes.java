package dev.tracehouse.intake.otlp;

import com.fasterxml.jackson.core.JsonGenerator;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * OTLP attribute values in the Datadog model: strings and booleans ({@code "true"}/{@code "false"})
 * go to meta, integers and finite doubles to metrics, arrays and key-value lists to meta as JSON
 * text, bytes to meta as base64, non-finite doubles to meta as text; values without content (unset,
 * profile string indexes) are skipped. A key lives in meta or in metrics, never both: the last
 * value sent wins.
 */
final class OtlpAttributes {
  private OtlpAttributes() {}

  static void putAll(
      List<KeyValue> attributes, Map<String, String> meta, Map<String, Double> metrics) {
    for (KeyValue kv : attributes) {
      put(kv.getKey(), kv.getValue(), meta, metrics);
    }
  }

  static void put(
      String key, AnyValue value, Map<String, String> meta, Map<String, Double> metrics) {
    switch (value.getValueCase()) {
      case INT_VALUE -> metric(key, value.getIntValue(), meta, metrics);
      case DOUBLE_VALUE -> {
        double d = value.getDoubleValue();
        if (Double.isFinite(d)) {
          metric(key, d, meta, metrics);
        } else {
          meta(key, Double.toString(d), meta, metrics);
        }
      }
      case VALUE_NOT_SET, STRING_VALUE_STRINDEX -> {}
      default -> meta(key, text(value), meta, metrics);
    }
  }

  private static void metric(
      String key, double value, Map<String, String> meta, Map<String, Double> metrics) {
    meta.remove(key);
    metrics.put(key, value);
  }

  private static void meta(
      String key, String value, Map<String, String> meta, Map<String, Double> metrics) {
    metrics.remove(key);
    meta.put(key, value);
  }

  /** The value as text: arrays and lists as JSON, bytes as base64, null when not set. */
  static String text(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> value.getStringValue();
      case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
      case INT_VALUE -> Long.toString(value.getIntValue());
      case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
      case BYTES_VALUE -> Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray());
      case ARRAY_VALUE, KVLIST_VALUE -> OtlpJson.write(g -> writeJson(g, value));
      case VALUE_NOT_SET, STRING_VALUE_STRINDEX -> null;
    };
  }

  /** The value as a native JSON value (non-finite doubles and bytes as strings). */
  static void writeJson(JsonGenerator g, AnyValue value) throws IOException {
    switch (value.getValueCase()) {
      case STRING_VALUE -> g.writeString(value.getStringValue());
      case BOOL_VALUE -> g.writeBoolean(value.getBoolValue());
      case INT_VALUE -> g.writeNumber(value.getIntValue());
      case DOUBLE_VALUE -> {
        double d = value.getDoubleValue();
        if (Double.isFinite(d)) {
          g.writeNumber(d);
        } else {
          g.writeString(Double.toString(d));
        }
      }
      case BYTES_VALUE ->
          g.writeString(Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray()));
      case ARRAY_VALUE -> {
        g.writeStartArray();
        for (AnyValue element : value.getArrayValue().getValuesList()) {
          writeJson(g, element);
        }
        g.writeEndArray();
      }
      case KVLIST_VALUE -> writeObject(g, value.getKvlistValue().getValuesList());
      case VALUE_NOT_SET, STRING_VALUE_STRINDEX -> g.writeNull();
    }
  }

  /** {@code {"key": value, ...}}. */
  static void writeObject(JsonGenerator g, List<KeyValue> attributes) throws IOException {
    g.writeStartObject();
    for (KeyValue kv : attributes) {
      g.writeFieldName(kv.getKey());
      writeJson(g, kv.getValue());
    }
    g.writeEndObject();
  }
}
