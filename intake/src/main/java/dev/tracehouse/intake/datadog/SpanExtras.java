package dev.tracehouse.intake.datadog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores the native v0.4 {@code span_links} and {@code span_events} fields in the span's meta, in
 * the JSON form dd-trace-js writes when it does not send them natively: meta {@code _dd.span_links}
 * = {@code [{trace_id (32 hex), span_id (16 hex), attributes?, flags?, tracestate?}]} and meta
 * {@code events} = {@code [{name, time_unix_nano, attributes?}]}. Both forms then look the same
 * downstream. When the client also sent the meta form, the native entries are appended to its
 * array; a meta value that is not a JSON array is replaced.
 */
final class SpanExtras {
  static final String LINKS_KEY = "_dd.span_links";
  static final String EVENTS_KEY = "events";

  /** How deep a link or event value may nest (attribute arrays need 5 levels). */
  static final int MAX_DEPTH = 8;

  private static final ObjectMapper JSON = new ObjectMapper();

  private SpanExtras() {}

  /** A native field that does not have the documented shape; the message names the path. */
  static final class InvalidException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidException(String message) {
      super(message);
    }
  }

  /** Converts a {@code span_links} tree (null = none) to the dd-trace-js JSON entries. */
  static List<Map<String, Object>> links(Object tree) throws InvalidException {
    List<?> items = PlainTree.list(tree, "span_links");
    List<Map<String, Object>> links = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      links.add(
          link(PlainTree.map(items.get(i), "span_links[" + i + "]"), "span_links[" + i + "]."));
    }
    return links;
  }

  /** Converts a {@code span_events} tree (null = none) to the dd-trace-js JSON entries. */
  static List<Map<String, Object>> events(Object tree) throws InvalidException {
    List<?> items = PlainTree.list(tree, "span_events");
    List<Map<String, Object>> events = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      events.add(
          event(PlainTree.map(items.get(i), "span_events[" + i + "]"), "span_events[" + i + "]."));
    }
    return events;
  }

  private static Map<String, Object> link(Map<?, ?> link, String at) throws InvalidException {
    long high = PlainTree.bits(link.get("trace_id_high"), at + "trace_id_high");
    long low = PlainTree.bits(link.get("trace_id"), at + "trace_id");
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("trace_id", TraceId.hex16(high) + TraceId.hex16(low));
    json.put("span_id", TraceId.hex16(PlainTree.bits(link.get("span_id"), at + "span_id")));
    Map<String, String> attributes = PlainTree.strings(link.get("attributes"), at + "attributes");
    if (!attributes.isEmpty()) {
      json.put("attributes", attributes);
    }
    // Native flags set bit 31 to say "flags present"; 0 means absent.
    long flags = PlainTree.bits(link.get("flags"), at + "flags") & 0xffff_ffffL;
    if (flags != 0) {
      json.put("flags", flags & 0x7fff_ffffL);
    }
    String tracestate = PlainTree.string(link.get("tracestate"), at + "tracestate");
    if (!tracestate.isEmpty()) {
      json.put("tracestate", tracestate);
    }
    return json;
  }

  private static Map<String, Object> event(Map<?, ?> event, String at) throws InvalidException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", PlainTree.string(event.get("name"), at + "name"));
    json.put("time_unix_nano", PlainTree.nanos(event.get("time_unix_nano"), at + "time_unix_nano"));
    Map<?, ?> typed = PlainTree.map(event.get("attributes"), at + "attributes");
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (Map.Entry<?, ?> attribute : typed.entrySet()) {
      String key = PlainTree.key(attribute.getKey(), at + "attributes");
      attributes.put(key, AttributeValues.plain(attribute.getValue(), at + "attributes." + key));
    }
    if (!attributes.isEmpty()) {
      json.put("attributes", attributes);
    }
    return json;
  }

  /** The span with the entries added to its meta; the span itself when there are none. */
  static Span merge(Span span, List<Map<String, Object>> links, List<Map<String, Object>> events) {
    if (links.isEmpty() && events.isEmpty()) {
      return span;
    }
    Span.Builder merged = span.toBuilder();
    if (!links.isEmpty()) {
      merged.putMeta(LINKS_KEY, append(span.meta().get(LINKS_KEY), links));
    }
    if (!events.isEmpty()) {
      merged.putMeta(EVENTS_KEY, append(span.meta().get(EVENTS_KEY), events));
    }
    return merged.build();
  }

  private static String append(String existing, List<Map<String, Object>> entries) {
    List<Object> all = new ArrayList<>();
    if (existing != null) {
      try {
        if (JSON.readValue(existing, Object.class) instanceof List<?> sent) {
          all.addAll(sent);
        }
      } catch (JsonProcessingException notJson) {
        // Replaced, as documented: the client's value was not a JSON array.
      }
    }
    all.addAll(entries);
    try {
      return JSON.writeValueAsString(all);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise span links or events", e);
    }
  }
}
