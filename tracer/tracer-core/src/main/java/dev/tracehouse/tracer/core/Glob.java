package dev.tracehouse.tracer.core;

import java.util.Locale;

/**
 * A sampling-rule pattern as Datadog tracers accept it: {@code *} matches any run of characters
 * (also none), {@code ?} exactly one, everything else itself, case-insensitively. {@code null} and
 * patterns made only of {@code *} match anything; the empty pattern matches only empty text.
 */
final class Glob {

  private static final Glob ANY = new Glob("*");

  private final String pattern;
  private final boolean any;

  private Glob(String pattern) {
    this.pattern = pattern.toLowerCase(Locale.ROOT);
    this.any = !pattern.isEmpty() && pattern.chars().allMatch(c -> c == '*');
  }

  static Glob of(String pattern) {
    return pattern == null ? ANY : new Glob(pattern);
  }

  boolean matchesAnything() {
    return any;
  }

  /** Whether the whole of {@code text} matches; {@code null} matches only a match-all pattern. */
  boolean matches(String text) {
    if (any) {
      return true;
    }
    if (text == null) {
      return false;
    }
    String subject = text.toLowerCase(Locale.ROOT);
    int p = 0;
    int s = 0;
    int starAt = -1;
    int resumeAt = 0;
    while (s < subject.length()) {
      if (p < pattern.length()
          && (pattern.charAt(p) == '?' || pattern.charAt(p) == subject.charAt(s))) {
        p++;
        s++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        starAt = p++;
        resumeAt = s;
      } else if (starAt >= 0) {
        p = starAt + 1;
        s = ++resumeAt;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  @Override
  public String toString() {
    return pattern;
  }
}
