package dev.tracehouse.pipeline.normalize;

/**
 * The Datadog agent's tag and metric-name rules (facts in RATIONALE.md, "Normalisation"): tag
 * values are lower-cased, keep letters, digits, {@code : . / -}, turn every other run of characters
 * into one {@code _}, drop a trailing run, and stop after 200 characters; span names keep ASCII
 * letters, digits and dots, start with a letter and use single underscores.
 */
final class Tags {
  static final int MAX_TAG_CHARS = 200;
  private static final int MAX_TAG_SCAN_BYTES = 2 * MAX_TAG_CHARS;

  private Tags() {}

  /** A tag value (service, env, peer.service): may start with a digit or an underscore. */
  static String normalizeTagValue(String v) {
    return isNormalizedTagValue(v) ? v : normalize(v, false);
  }

  /** {@link #normalizeTagValue} by the full rules, without the already-normalised check. */
  static String normalizeTagValueFully(String v) {
    return normalize(v, false);
  }

  /**
   * Whether {@link #normalizeTagValue} would return {@code v} as it is: at most {@value
   * #MAX_TAG_CHARS} characters, each a lower-case ASCII letter, a digit, {@code : . / -} or an
   * underscore that neither follows another nor ends the value. Checked without copying.
   */
  static boolean isNormalizedTagValue(String v) {
    if (v.length() > MAX_TAG_CHARS) {
      return false;
    }
    char last = 0;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      boolean kept =
          (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == ':'
              || c == '.'
              || c == '/'
              || c == '-';
      if (!kept && (c != '_' || last == '_')) {
        return false;
      }
      last = c;
    }
    return last != '_';
  }

  /** A full tag ({@code key:value}): leading characters that are not letters or ':' are dropped. */
  static String normalizeTag(String v) {
    return normalize(v, true);
  }

  private static String normalize(String v, boolean trimNonLetterStart) {
    StringBuilder out = new StringBuilder(Math.min(v.length(), MAX_TAG_SCAN_BYTES));
    boolean pendingCut = false;
    int chars = 0;
    int scannedBytes = 0;
    int i = 0;
    while (i < v.length()) {
      int cp = v.codePointAt(i);
      i += Character.charCount(cp);
      scannedBytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (Character.isSurrogate((char) cp) && cp < 0x10000) {
        cp = Text.REPLACEMENT;
      }
      int lower = lowerSameWidth(cp);
      if (Character.isLetter(lower) || lower == ':') {
        pendingCut = flush(out, pendingCut);
        out.appendCodePoint(lower);
        chars++;
      } else if (trimNonLetterStart && chars == 0) {
        continue;
      } else if (Character.isDigit(lower) || lower == '.' || lower == '/' || lower == '-') {
        pendingCut = flush(out, pendingCut);
        out.appendCodePoint(lower);
        chars++;
      } else {
        pendingCut = true;
        chars++;
      }
      if (scannedBytes >= MAX_TAG_SCAN_BYTES || chars >= MAX_TAG_CHARS) {
        break;
      }
    }
    return out.toString();
  }

  private static boolean flush(StringBuilder out, boolean pendingCut) {
    if (pendingCut) {
      out.append('_');
    }
    return false;
  }

  private static int lowerSameWidth(int cp) {
    if (cp >= 'A' && cp <= 'Z') {
      return cp + ('a' - 'A');
    }
    if (cp < 0x80 || !Character.isUpperCase(cp)) {
      return cp;
    }
    int lower = Character.toLowerCase(cp);
    return utf8Width(lower) == utf8Width(cp) ? lower : cp;
  }

  private static int utf8Width(int cp) {
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }

  /**
   * A span name by the metric-name rules, or {@code null} when it has no ASCII letter to start
   * with. The input must already fit the length limit.
   */
  static String normalizeMetricName(String name) {
    return isNormalizedMetricName(name) ? name : normalizeMetricNameFully(name);
  }

  /** {@link #normalizeMetricName} by the full rules, without the already-normalised check. */
  static String normalizeMetricNameFully(String name) {
    int i = 0;
    while (i < name.length() && !isAsciiLetter(name.charAt(i))) {
      i++;
    }
    if (i == name.length()) {
      return null;
    }
    StringBuilder out = new StringBuilder(name.length() - i);
    for (; i < name.length(); i++) {
      char c = name.charAt(i);
      char last = out.length() == 0 ? 0 : out.charAt(out.length() - 1);
      if (isAsciiLetter(c) || (c >= '0' && c <= '9')) {
        out.append(c);
      } else if (c == '.') {
        if (last == '_') {
          out.setCharAt(out.length() - 1, '.');
        } else {
          out.append('.');
        }
      } else if (last != '.' && last != '_') {
        out.append('_');
      }
    }
    if (out.charAt(out.length() - 1) == '_') {
      out.setLength(out.length() - 1);
    }
    return out.toString();
  }

  /**
   * Whether {@link #normalizeMetricName} would return {@code name} as it is: an ASCII letter first,
   * then ASCII letters, digits, dots and single underscores, no underscore next to a dot or at the
   * end. Checked without copying.
   */
  static boolean isNormalizedMetricName(String name) {
    if (name.isEmpty() || !isAsciiLetter(name.charAt(0))) {
      return false;
    }
    char last = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean fine =
          isAsciiLetter(c)
              || (c >= '0' && c <= '9')
              || (c == '.' && last != '_')
              || (c == '_' && last != '_' && last != '.');
      if (!fine) {
        return false;
      }
      last = c;
    }
    return last != '_';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
