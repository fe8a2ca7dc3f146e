package dev.tracehouse.pipeline.retention;

import dev.tracehouse.model.Span;
import dev.tracehouse.pipeline.toplevel.TopLevel;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which spans a retention filter looks at ({@code spec/apm-model.md} section 9). */
public enum FilterScope {
  /** Every span. */
  ALL("all"),
  /**
   * Service-entry spans: top-level spans (the root, and every span whose parent is in another
   * service).
   */
  SERVICE_ENTRY("service-entry"),
  /** The trace's root span only ({@code parent_id == 0}). */
  ROOT("root");

  private final String configName;

  FilterScope(String configName) {
    this.configName = configName;
  }

  /** The name used in the configuration and on the status page. */
  public String configName() {
    return configName;
  }

  /** Whether {@code span} is in this scope; top-level marking must have run. */
  boolean contains(Span span) {
    return switch (this) {
      case ALL -> true;
      case SERVICE_ENTRY -> TopLevel.isTopLevel(span);
      case ROOT -> span.isRoot();
    };
  }

  /**
   * The scope named {@code text} (case-insensitive; {@code service_entry} is accepted too).
   *
   * @throws IllegalArgumentException listing the names
   */
  static FilterScope parse(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (FilterScope scope : values()) {
      if (scope.configName.equals(wanted)) {
        return scope;
      }
    }
    throw new IllegalArgumentException(
        "expected one of "
            + Arrays.stream(values()).map(s -> s.configName).collect(Collectors.joining(", ")));
  }
}
