package dev.tracehouse.store;

import dev.tracehouse.model.LogEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attributes of a log flattened for search: every scalar under its dotted path ({@code
 * {"http":{"status_code":401}}} → {@code http.status_code}), the elements of arrays (at any depth)
 * under the array's path. A key that contains a dot is addressed by the same path as the nested
 * form, and both contribute values. Nulls, empty arrays and empty objects contribute nothing.
 *
 * <p>SQL stores keep the three maps as JSON objects from path to array: {@code attr_str}, {@code
 * attr_num} and {@code attr_ip} of the logs schema ({@link EventFilter}).
 *
 * @param strings string values, and booleans as {@code "true"}/{@code "false"}, by path
 * @param numbers numeric values, by path
 * @param ips string values that are IP addresses, {@linkplain IpAddresses#normalize normalized}, by
 *     path
 */
public record FlatAttributes(
    Map<String, List<String>> strings,
    Map<String, List<Double>> numbers,
    Map<String, List<String>> ips) {

  /** Flattens {@code log}'s attributes. */
  public static FlatAttributes of(LogEvent log) {
    FlatAttributes flat =
        new FlatAttributes(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
    log.attributes().forEach((key, value) -> flat.add(key, value));
    return flat;
  }

  private void add(String path, Object value) {
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, child) -> add(path + "." + key, child));
    } else if (value instanceof List<?> list) {
      list.forEach(element -> add(path, element));
    } else if (value instanceof String s) {
      strings.computeIfAbsent(path, p -> new ArrayList<>()).add(s);
      IpAddresses.normalize(s)
          .ifPresent(ip -> ips.computeIfAbsent(path, p -> new ArrayList<>()).add(ip));
    } else if (value instanceof Boolean b) {
      strings.computeIfAbsent(path, p -> new ArrayList<>()).add(b.toString());
    } else if (value instanceof Number n) {
      numbers.computeIfAbsent(path, p -> new ArrayList<>()).add(n.doubleValue());
    }
  }
}
