package dev.tracehouse.store.duckdb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads span tags back from the JSON objects of the {@code meta} and {@code metrics} columns (which
 * {@link TagsJsonWriter} writes). Non-finite metrics, stored as the strings {@code "NaN"}, {@code
 * "Infinity"} and {@code "-Infinity"}, are read back as numbers.
 */
final class TagsJson {

  private static final JsonFactory JSON = new JsonFactory();

  private TagsJson() {}

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
