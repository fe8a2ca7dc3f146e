package dev.tracehouse.intake.otlp;

import com.google.protobuf.ByteString;
import dev.tracehouse.intake.internal.JsonCursor;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import java.util.Base64;
import java.util.function.Consumer;

/** Reads OTLP/JSON attribute lists and {@code AnyValue}s into their protobuf messages. */
final class OtlpJsonValues {
  /** Nesting limit of array/kvlist values, the same as protobuf's default recursion limit. */
  static final int MAX_DEPTH = 32;

  private OtlpJsonValues() {}

  /** Reads {@code [{"key": ..., "value": {...}}, ...]}; {@code null} is an empty list. */
  static void keyValues(JsonCursor c, String what, int depth, Consumer<KeyValue> into) {
    if (!c.startArray(what)) {
      return;
    }
    while (c.nextElement()) {
      into.accept(keyValue(c, what, depth));
    }
  }

  private static KeyValue keyValue(JsonCursor c, String what, int depth) {
    KeyValue.Builder kv = KeyValue.newBuilder();
    if (!c.startObject(what + "[]")) {
      throw c.error(what + ": an attribute must be an object, got null");
    }
    while (c.nextField()) {
      switch (c.key()) {
        case "key" -> kv.setKey(c.text(what + ".key"));
        case "value" -> kv.setValue(anyValue(c, what + "." + kv.getKey(), depth));
        default -> c.skipValue();
      }
    }
    return kv.build();
  }

  static AnyValue anyValue(JsonCursor c, String what, int depth) {
    if (depth > MAX_DEPTH) {
      throw c.error(what + ": values nested deeper than " + MAX_DEPTH + " levels");
    }
    AnyValue.Builder value = AnyValue.newBuilder();
    if (!c.startObject(what)) {
      return value.build();
    }
    while (c.nextField()) {
      String field = what + "." + c.fieldName();
      switch (c.key()) {
        case "stringvalue" -> value.setStringValue(c.text(field));
        case "boolvalue" -> value.setBoolValue(c.bool(field));
        case "intvalue" -> value.setIntValue(c.signedLong(field));
        case "doublevalue" -> value.setDoubleValue(c.number(field));
        case "bytesvalue" -> value.setBytesValue(bytes(c, field));
        case "arrayvalue" -> value.setArrayValue(array(c, field, depth));
        case "kvlistvalue" -> value.setKvlistValue(kvList(c, field, depth));
        default -> c.skipValue();
      }
    }
    return value.build();
  }

  private static ArrayValue array(JsonCursor c, String what, int depth) {
    ArrayValue.Builder array = ArrayValue.newBuilder();
    if (c.startObject(what)) {
      while (c.nextField()) {
        if (c.key().equals("values") && c.startArray(what + ".values")) {
          while (c.nextElement()) {
            array.addValues(anyValue(c, what + ".values[]", depth + 1));
          }
        } else {
          c.skipValue();
        }
      }
    }
    return array.build();
  }

  private static KeyValueList kvList(JsonCursor c, String what, int depth) {
    KeyValueList.Builder list = KeyValueList.newBuilder();
    if (c.startObject(what)) {
      while (c.nextField()) {
        if (c.key().equals("values")) {
          keyValues(c, what + ".values", depth + 1, list::addValues);
        } else {
          c.skipValue();
        }
      }
    }
    return list.build();
  }

  private static ByteString bytes(JsonCursor c, String what) {
    String text = c.text(what);
    try {
      return ByteString.copyFrom(Base64.getDecoder().decode(text));
    } catch (IllegalArgumentException e) {
      try {
        return ByteString.copyFrom(Base64.getUrlDecoder().decode(text));
      } catch (IllegalArgumentException again) {
        throw c.error(what + ": not base64");
      }
    }
  }
}
