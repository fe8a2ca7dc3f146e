package dev.tracehouse.intake.datadog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehouse.intake.MalformedPayloadException;
import dev.tracehouse.model.Span;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One pass of {@link DatadogJsonDecoder} over one body: typed reads that keep track of the chunk,
 * span and field for error messages, like {@link MsgpackCursor} does for msgpack.
 */
final class JsonTraceReader {
  private static final BigInteger MIN_LONG = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

  private final JsonParser parser;
  private final ObjectMapper trees;
  private int chunk = -1;
  private int span = -1;
  private String field;

  JsonTraceReader(JsonParser parser, ObjectMapper trees) {
    this.parser = parser;
    this.trees = trees;
  }

  List<List<Span>> read() throws IOException {
    expect(parser.nextToken(), JsonToken.START_ARRAY, "an array of traces");
    List<List<Span>> spans = new ArrayList<>();
    for (chunk = 0; next() != JsonToken.END_ARRAY; chunk++) {
      span = -1;
      expect(parser.currentToken(), JsonToken.START_ARRAY, "an array of spans");
      List<ChunkTraceIds.Pending> pending = new ArrayList<>();
      for (span = 0; next() != JsonToken.END_ARRAY; span++) {
        pending.add(readSpan());
      }
      ChunkTraceIds.addChunk(spans, pending);
    }
    chunk = -1;
    span = -1;
    if (parser.nextToken() != null) {
      throw error("unexpected data after the last trace");
    }
    return spans;
  }

  /** Where the reader is, for error messages: {@code chunk 0 span 2 field 'span_id'}. */
  String where() {
    StringBuilder text = new StringBuilder();
    if (chunk >= 0) {
      text.append("chunk ").append(chunk);
    }
    if (span >= 0) {
      text.append(" span ").append(span);
    }
    if (field != null) {
      text.append(" field '").append(field).append('\'');
    }
    return text.length() == 0 ? "payload" : text.toString().trim();
  }

  private ChunkTraceIds.Pending readSpan() throws IOException {
    field = null;
    expect(parser.currentToken(), JsonToken.START_OBJECT, "a span object");
    Span.Builder builder = Span.builder();
    long traceIdLow = 0;
    String tid = null;
    List<Map<String, Object>> links = List.of();
    List<Map<String, Object>> events = List.of();
    while (next() != JsonToken.END_OBJECT) {
      field = parser.currentName();
      next();
      switch (field) {
        case "trace_id" -> traceIdLow = unsigned();
        case "span_id" -> builder.spanId(unsigned());
        case "parent_id" -> builder.parentId(unsigned());
        case "service" -> builder.service(string());
        case "name" -> builder.name(string());
        case "resource" -> builder.resource(string());
        case "type" -> builder.type(string());
        case "start" -> builder.start(nanos());
        case "duration" -> builder.duration(nanos());
        case "error" -> builder.error(flag());
        case "meta" -> tid = readMeta(builder);
        case "metrics" -> readMetrics(builder);
        case "span_links" -> links = extras(true);
        case "span_events" -> events = extras(false);
        default -> parser.skipChildren();
      }
    }
    field = null;
    return new ChunkTraceIds.Pending(builder, traceIdLow, tid, links, events);
  }

  private String readMeta(Span.Builder builder) throws IOException {
    String tid = null;
    if (nullOrObject()) {
      while (next() != JsonToken.END_OBJECT) {
        String key = parser.currentName();
        next();
        String value = string();
        builder.putMeta(key, value);
        if (key.equals(ChunkTraceIds.TID_KEY)) {
          tid = value;
        }
      }
    }
    return tid;
  }

  private void readMetrics(Span.Builder builder) throws IOException {
    if (nullOrObject()) {
      while (next() != JsonToken.END_OBJECT) {
        String key = parser.currentName();
        next();
        builder.putMetric(key, number());
      }
    }
  }

  private List<Map<String, Object>> extras(boolean links) throws IOException {
    Object tree = trees.readValue(parser, Object.class);
    try {
      return links ? SpanExtras.links(tree) : SpanExtras.events(tree);
    } catch (SpanExtras.InvalidException e) {
      throw error(e.getMessage());
    }
  }

  /** True at the start of an object; false at null; an error otherwise. */
  private boolean nullOrObject() {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return false;
    }
    expect(parser.currentToken(), JsonToken.START_OBJECT, "an object");
    return true;
  }

  /** An id: an integer 0 .. 2^64-1, returned as its unsigned 64-bit bits; null reads as 0. */
  private long unsigned() throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return 0;
    }
    expect(token, JsonToken.VALUE_NUMBER_INT, "an unsigned integer");
    BigInteger value = parser.getBigIntegerValue();
    if (value.signum() < 0 || value.compareTo(TWO_TO_64) >= 0) {
      throw error("expected an unsigned 64-bit integer, got " + parser.getText());
    }
    return value.longValue();
  }

  /** Nanoseconds: an integer -2^63 .. 2^64-1 (as its bits) or a float truncated; null reads 0. */
  private long nanos() throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_FLOAT) {
      return (long) parser.getDoubleValue();
    }
    if (token == JsonToken.VALUE_NUMBER_INT) {
      BigInteger value = parser.getBigIntegerValue();
      if (value.compareTo(MIN_LONG) < 0 || value.compareTo(TWO_TO_64) >= 0) {
        throw error("expected a 64-bit integer, got " + parser.getText());
      }
      return value.longValue();
    }
    if (token == JsonToken.VALUE_NULL) {
      return 0;
    }
    throw error("expected a number, got " + describe(token));
  }

  private String string() {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return "";
    }
    expect(token, JsonToken.VALUE_STRING, "a string");
    try {
      return parser.getText();
    } catch (IOException e) {
      throw error("unreadable string: " + e.getMessage());
    }
  }

  private double number() throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return 0;
    }
    if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
      throw error("expected a number, got " + describe(token));
    }
    return parser.getDoubleValue();
  }

  private boolean flag() throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return token == JsonToken.VALUE_TRUE;
    }
    if (token == JsonToken.VALUE_NULL) {
      return false;
    }
    expect(token, JsonToken.VALUE_NUMBER_INT, "an integer");
    return parser.getBigIntegerValue().signum() != 0;
  }

  private JsonToken next() throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw error("unexpected end of payload");
    }
    return token;
  }

  private void expect(JsonToken actual, JsonToken wanted, String name) {
    if (actual != wanted) {
      throw error("expected " + name + ", got " + describe(actual));
    }
  }

  private MalformedPayloadException error(String problem) {
    long offset = Math.max(0, parser.currentTokenLocation().getByteOffset());
    return new MalformedPayloadException(where() + ": " + problem, offset);
  }

  private static String describe(JsonToken token) {
    if (token == null) {
      return "end of payload";
    }
    return switch (token) {
      case START_ARRAY -> "array";
      case START_OBJECT -> "object";
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
      case VALUE_TRUE, VALUE_FALSE -> "boolean";
      case VALUE_NULL -> "null";
      default -> token.asString() == null ? token.name() : token.asString();
    };
  }
}
