package dev.tracehouse.intake.datadog;

import dev.tracehouse.intake.datadog.SpanExtras.InvalidException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a native span event attribute, {@code {type, string_value | bool_value | int_value |
 * double_value | array_value}} (type 0 string, 1 bool, 2 int, 3 double, 4 array), into the plain
 * JSON value dd-trace-js writes in meta {@code events}. A value left out (protobuf-style zero
 * value) reads as the type's zero; a plain scalar is taken as it is.
 */
final class AttributeValues {
  private static final String[] VALUE_KEYS = {
    "string_value", "bool_value", "int_value", "double_value", "array_value"
  };

  private AttributeValues() {}

  static Object plain(Object attribute, String at) throws InvalidException {
    if (attribute instanceof String
        || attribute instanceof Number
        || attribute instanceof Boolean) {
      return attribute;
    }
    Map<?, ?> typed = PlainTree.map(attribute, at);
    long type = PlainTree.bits(typed.get("type"), at + ".type");
    if (type < 0 || type >= VALUE_KEYS.length) {
      throw new InvalidException(at + ".type: expected 0..4, got " + type);
    }
    String key = VALUE_KEYS[(int) type];
    Object value = typed.get(key);
    String path = at + "." + key;
    switch ((int) type) {
      case 0:
        return PlainTree.string(value, path);
      case 1:
        return bool(value, path);
      case 2:
        return PlainTree.bits(value, path);
      case 3:
        return number(value, path);
      default:
        return array(value, path);
    }
  }

  private static boolean bool(Object value, String at) throws InvalidException {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean flag) {
      return flag;
    }
    return PlainTree.bits(value, at) != 0;
  }

  private static double number(Object value, String at) throws InvalidException {
    if (value == null) {
      return 0;
    }
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    throw PlainTree.wrongType(at, "a number", value);
  }

  /** {@code {values: [...]}} as the agent's proto has it, or directly the list. */
  private static List<Object> array(Object value, String at) throws InvalidException {
    Object values = value instanceof Map<?, ?> wrapper ? wrapper.get("values") : value;
    List<?> items = PlainTree.list(values, at + ".values");
    List<Object> plain = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      plain.add(plain(items.get(i), at + ".values[" + i + "]"));
    }
    return plain;
  }
}
