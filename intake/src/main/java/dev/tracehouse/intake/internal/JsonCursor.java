package dev.tracehouse.intake.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.tracehouse.intake.MalformedPayloadException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * Not API: a forward-only reader over a JSON body (Jackson streaming) whose every failure is a
 * {@link MalformedPayloadException} carrying the byte offset of the offending token. Numbers are
 * read from their decimal text, never through a {@code double}, and object keys are compared in a
 * normalised form (lower case, no underscores) so that {@code traceId} and {@code trace_id} match.
 */
public final class JsonCursor {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxNestingDepth(64).maxNumberLength(64).build())
          .build();

  private final JsonParser parser;

  private JsonCursor(JsonParser parser) {
    this.parser = parser;
  }

  /** A cursor over the body's bytes from its position to its limit, before the first token. */
  public static JsonCursor over(ByteBuffer body) {
    byte[] bytes = new byte[body.remaining()];
    body.duplicate().get(bytes);
    try {
      return new JsonCursor(FACTORY.createParser(bytes));
    } catch (IOException e) {
      throw new MalformedPayloadException("cannot read JSON: " + e.getMessage(), 0, e);
    }
  }

  /** Moves to the next token; {@code null} at the end of the input. */
  public JsonToken next() {
    try {
      return parser.nextToken();
    } catch (IOException e) {
      throw new MalformedPayloadException("invalid JSON: " + message(e), offsetOf(e), e);
    }
  }

  /** Fails unless the input ends after the current value. */
  public void expectEnd() {
    if (next() != null) {
      throw error("unexpected content after the end of the payload");
    }
  }

  /** True when the current token opens an object; false for {@code null}; fails otherwise. */
  public boolean startObject(String what) {
    return start(JsonToken.START_OBJECT, what, "an object");
  }

  /** True when the current token opens an array; false for {@code null}; fails otherwise. */
  public boolean startArray(String what) {
    return start(JsonToken.START_ARRAY, what, "an array");
  }

  private boolean start(JsonToken wanted, String what, String description) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return false;
    }
    if (token != wanted) {
      throw error(what + ": expected " + description + ", got " + describe(token));
    }
    return true;
  }

  /** Inside an object: moves to the next field's value; false at the end of the object. */
  public boolean nextField() {
    JsonToken token = next();
    if (token == JsonToken.END_OBJECT) {
      return false;
    }
    if (token != JsonToken.FIELD_NAME) {
      throw error("expected a field name, got " + describe(token));
    }
    next();
    return true;
  }

  /** Inside an array: moves to the next element; false at the end of the array. */
  public boolean nextElement() {
    JsonToken token = next();
    if (token == null) {
      throw error("unexpected end of input inside an array");
    }
    return token != JsonToken.END_ARRAY;
  }

  /** The current field's name as sent. */
  public String fieldName() {
    try {
      return parser.currentName();
    } catch (IOException e) {
      throw new MalformedPayloadException("invalid JSON: " + message(e), offsetOf(e), e);
    }
  }

  /** The current field's name, lower case and without underscores. */
  public String key() {
    return fieldName().replace("_", "").toLowerCase(Locale.ROOT);
  }

  public JsonToken token() {
    return parser.currentToken();
  }

  /** Skips the current value, with its children when it is an object or array. */
  public void skipValue() {
    try {
      parser.skipChildren();
    } catch (IOException e) {
      throw new MalformedPayloadException("invalid JSON: " + message(e), offsetOf(e), e);
    }
  }

  /** The current value as a string; fails for anything but a JSON string. */
  public String text(String what) {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw error(what + ": expected a string, got " + describe(parser.currentToken()));
    }
    return rawText();
  }

  /** A string, a number or a boolean as text; fails for objects, arrays and null. */
  public String scalarText(String what) {
    JsonToken token = parser.currentToken();
    if (token == null || !token.isScalarValue() || token == JsonToken.VALUE_NULL) {
      throw error(what + ": expected a string, number or boolean, got " + describe(token));
    }
    return rawText();
  }

  public boolean bool(String what) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return token == JsonToken.VALUE_TRUE;
    }
    throw error(what + ": expected true or false, got " + describe(token));
  }

  /** A signed 64-bit integer sent as a JSON integer or a decimal string. */
  public long signedLong(String what) {
    String text = integerText(what);
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw error(what + ": '" + text + "' is not a signed 64-bit integer");
    }
  }

  /** An unsigned 64-bit integer (0 .. 2^64-1) sent as a JSON integer or a decimal string. */
  public long unsignedLong(String what) {
    String text = integerText(what);
    try {
      return Long.parseUnsignedLong(text);
    } catch (NumberFormatException e) {
      throw error(what + ": '" + text + "' is not an unsigned 64-bit integer");
    }
  }

  /** An integer in {@code 0..max}, as a JSON integer or a decimal string. */
  public long boundedLong(String what, long max) {
    long value = signedLong(what);
    if (value < 0 || value > max) {
      throw error(what + ": " + value + " is out of range 0.." + max);
    }
    return value;
  }

  private String integerText(String what) {
    JsonToken token = parser.currentToken();
    if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_STRING) {
      throw error(what + ": expected an integer, got " + describe(token));
    }
    return rawText().trim();
  }

  /** A number sent as a JSON number or as a string ({@code "NaN"}, {@code "Infinity"} too). */
  public double number(String what) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      return Double.parseDouble(rawText());
    }
    if (token == JsonToken.VALUE_STRING) {
      String text = rawText().trim();
      try {
        return Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw error(what + ": '" + text + "' is not a number");
      }
    }
    throw error(what + ": expected a number, got " + describe(token));
  }

  /**
   * Hex text decoded to exactly one of the given byte lengths (0 allows an empty string).
   *
   * @param lengths the accepted lengths in bytes
   */
  public byte[] hex(String what, int... lengths) {
    String text = text(what);
    for (int length : lengths) {
      if (text.length() == 2 * length) {
        return Hex.decode(text, () -> error(what + ": '" + text + "' is not hex"));
      }
    }
    throw error(what + ": '" + abbreviate(text) + "' is not " + describeLengths(lengths));
  }

  private static String describeLengths(int... lengths) {
    StringBuilder out = new StringBuilder();
    for (int length : lengths) {
      out.append(out.length() == 0 ? "" : " or ").append(length * 2).append(" hex digits");
    }
    return out.toString();
  }

  /** The byte offset of the current token. */
  public long offset() {
    return parser.currentTokenLocation().getByteOffset();
  }

  /** An error at the current token. */
  public MalformedPayloadException error(String message) {
    return new MalformedPayloadException(message, offset());
  }

  private String rawText() {
    try {
      return parser.getText();
    } catch (IOException e) {
      throw new MalformedPayloadException("invalid JSON: " + message(e), offsetOf(e), e);
    }
  }

  private static String message(IOException e) {
    return e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
  }

  private long offsetOf(IOException e) {
    if (e instanceof JsonProcessingException p
        && p.getLocation() != null
        && p.getLocation().getByteOffset() >= 0) {
      return p.getLocation().getByteOffset();
    }
    return Math.max(0, parser.currentLocation().getByteOffset());
  }

  private static String describe(JsonToken token) {
    if (token == null) {
      return "the end of the input";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.name();
    };
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }
}
