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
    return normalize(v, false);
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

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
