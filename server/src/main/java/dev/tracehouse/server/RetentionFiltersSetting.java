package dev.tracehouse.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tracehouse.pipeline.retention.RetentionFilterConfig;
import dev.tracehouse.pipeline.retention.RetentionFilters;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@value #KEY}: a list of retention filters, written as a YAML list in {@code
 * tracehouse.yaml} or as JSON (or YAML flow) text in env {@code PIPELINE_RETENTION_FILTERS}; each
 * entry a mapping of {@code name}, {@code query}, {@code rate}, {@code scope}, {@code enabled}
 * (checked by {@link RetentionFilterConfig}). Unset: {@link RetentionFilters#defaults()}.
 */
final class RetentionFiltersSetting {

  static final String KEY = "pipeline.retention-filters";

  private RetentionFiltersSetting() {}

  /**
   * The configured filters.
   *
   * @throws IllegalArgumentException naming the key (and entry and field) and the bad value
   */
  static RetentionFilters read(Settings settings) {
    String text = settings.string(KEY);
    if (text.isBlank()) {
      return RetentionFilters.defaults();
    }
    JsonNode list;
    try {
      list = new ObjectMapper(new YAMLFactory()).readTree(text);
    } catch (JsonProcessingException e) {
      throw bad("a YAML or JSON list of filters (" + e.getOriginalMessage() + ")", text);
    }
    if (list == null || !list.isArray()) {
      throw bad("a list of filters", text);
    }
    List<Map<String, String>> entries = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      entries.add(entry(i, list.get(i)));
    }
    return RetentionFilterConfig.parse(KEY, entries);
  }

  private static Map<String, String> entry(int i, JsonNode node) {
    String at = KEY + "[" + i + "]";
    if (!node.isObject()) {
      throw new IllegalArgumentException(
          at + ": expected a mapping of name, query, rate, scope, enabled, got '" + node + "'");
    }
    Map<String, String> entry = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!field.getValue().isValueNode() || field.getValue().isNull()) {
        throw new IllegalArgumentException(
            at
                + "."
                + field.getKey()
                + ": expected a single value, got '"
                + field.getValue()
                + "'");
      }
      entry.put(field.getKey(), field.getValue().asText());
    }
    return entry;
  }

  private static IllegalArgumentException bad(String expected, String text) {
    return new IllegalArgumentException(
        "setting "
            + KEY
            + " (env "
            + Settings.envName(KEY)
            + ") must be "
            + expected
            + ", got '"
            + text
            + "'");
  }
}
