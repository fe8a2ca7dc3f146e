package dev.tracehouse.store;

import dev.tracehouse.model.Span;
import java.util.Arrays;
import java.util.Locale;

/** Which spans of a trace may make it match a trace search. */
public enum TraceScope {
  /** Any span. */
  ALL,
  /** Service-entry spans: metric {@code _top_level} or {@code _dd.top_level} equal to 1. */
  SERVICE_ENTRY,
  /** Root spans: parent id 0. */
  ROOT;

  /** The name in the API: {@code all}, {@code service_entry}, {@code root}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean includes(Span span) {
    return switch (this) {
      case ALL -> true;
      case ROOT -> span.isRoot();
      case SERVICE_ENTRY ->
          span.metrics().getOrDefault("_top_level", 0.0) == 1
              || span.metrics().getOrDefault("_dd.top_level", 0.0) == 1;
    };
  }

  /**
   * The scope named {@code name} ({@link #apiName()}).
   *
   * @throws IllegalArgumentException naming {@code scope} and the accepted values
   */
  public static TraceScope parse(String name) {
    return Arrays.stream(values())
        .filter(s -> s.apiName().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "scope: expected one of all, service_entry, root, got '" + name + "'"));
  }
}
