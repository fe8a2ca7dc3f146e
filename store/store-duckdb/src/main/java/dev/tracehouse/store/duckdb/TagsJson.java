package dev.tracehouse.store.duckdb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Span tags as JSON objects, the form of the {@code meta} and {@code metrics} columns. Non-finite
 * metrics (NaN, ±Infinity) are written as the strings {@code "NaN"}, {@code "Infinity"} and {@code
 * "-Infinity"} and read back as numbers.
 */
final class TagsJson {

  private static final JsonFactory JSON = new JsonFactory();

  private TagsJson() {}

  static String meta(Map<String, String> meta) {
    if (meta.isEmpty()) {
      return "{}";
    }
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      for (Map.Entry<String, String> e : meta.entrySet()) {
        json.writeStringField(e.getKey(), e.getValue());
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static String metrics(Map<String, Double> metrics) {
    if (metrics.isEmpty()) {
      return "{}";
    }
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      for (Map.Entry<String, Double> e : metrics.entrySet()) {
        json.writeFieldName(e.getKey());
        double value = e.getValue();
        if (Double.isFinite(value)) {
          json.writeNumber(value);
        } else {
          json.writeString(Double.toString(value));
        }
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static Map<String, String> parseMeta(String text) {
    Map<String, String> meta = new HashMap<>();
    parse(text, (key, parser) -> meta.put(key, parser.getText()));
    return meta;
  }

  static Map<String, Double> parseMetrics(String text) {
    Map<String, Double> metrics = new HashMap<>();
    parse(
        text,
        (key, parser) ->
            metrics.put(
                key,
                parser.currentToken() == JsonToken.VALUE_STRING
                    ? Double.parseDouble(parser.getText())
                    : parser.getDoubleValue()));
    return metrics;
  }

  private interface FieldReader {
    void read(String key, JsonParser parser) throws IOException;
  }

  private static void parse(String text, FieldReader reader) {
    try (JsonParser parser = JSON.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalStateException("stored tags are not a JSON object: " + text);
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        parser.nextToken();
        reader.read(key, parser);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("stored tags are not valid JSON: " + text, e);
    }
  }
}
