package dev.tracehouse.intake;

import java.util.Locale;
import java.util.Set;

/** Reads Datadog flag headers the way the agent does (spec/agent-intake.md section 3). */
final class HeaderFlags {
  private static final Set<String> FALSE_VALUES = Set.of("0", "f", "false");

  private HeaderFlags() {}

  /** True when the value is non-empty and not {@code 0}, {@code f} or {@code false} (any case). */
  static boolean isTrue(String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    return !FALSE_VALUES.contains(value.trim().toLowerCase(Locale.ROOT));
  }
}
