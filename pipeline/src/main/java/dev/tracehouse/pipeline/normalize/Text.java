package dev.tracehouse.pipeline.normalize;

/** String helpers that bound and clean text: UTF-8 byte lengths, truncation, character repair. */
final class Text {
  static final char REPLACEMENT = '\uFFFD';

  private Text() {}

  /** The number of bytes {@code s} takes in UTF-8 (a lone surrogate counts as its replacement). */
  static int utf8Length(String s) {
    int bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  /**
   * The longest prefix of {@code s} that fits in {@code maxBytes} UTF-8 bytes, cut between code
   * points.
   */
  static String truncateUtf8(String s, int maxBytes) {
    if (s.length() <= maxBytes / 4 || utf8Length(s) <= maxBytes) {
      return s;
    }
    int bytes = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int width = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + width > maxBytes) {
        break;
      }
      bytes += width;
      i += Character.charCount(cp);
    }
    return s.substring(0, i);
  }

  /**
   * Cuts {@code s} to {@code maxBytes} UTF-8 bytes including a trailing {@code "..."} marker, so
   * the result always fits the limit (and truncating it again changes nothing).
   */
  static String truncateWithEllipsis(String s, int maxBytes) {
    if (utf8Length(s) <= maxBytes) {
      return s;
    }
    return truncateUtf8(s, maxBytes - 3) + "...";
  }

  /**
   * Whether {@code s} fits in {@code maxBytes} UTF-8 bytes; short strings (at most 3 bytes per
   * char) are not scanned.
   */
  static boolean fitsUtf8(String s, int maxBytes) {
    return s.length() <= maxBytes / 3 || utf8Length(s) <= maxBytes;
  }

  /**
   * Whether {@code s} has neither a lone surrogate nor a control character (other than tab, CR and
   * LF when {@code keepLayout}). One comparison per character while the text is printable ASCII.
   */
  static boolean isClean(String s, boolean keepLayout) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x7f) {
        return !hasLoneSurrogate(s) && !hasControl(s, keepLayout);
      }
    }
    return true;
  }

  /**
   * Whether {@code s} holds a lone surrogate (text that was not valid UTF-16, so not valid UTF-8).
   */
  static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code s} holds a control character other than, if {@code keepLayout}, tab/CR/LF. */
  static boolean hasControl(String s, boolean keepLayout) {
    for (int i = 0; i < s.length(); i++) {
      if (isBadControl(s.charAt(i), keepLayout)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Replaces every lone surrogate and every control character (keeping tab, CR and LF when {@code
   * keepLayout}) with U+FFFD.
   */
  static String repair(String s, boolean keepLayout) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(++i));
      } else if (Character.isSurrogate(c) || isBadControl(c, keepLayout)) {
        out.append(REPLACEMENT);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isBadControl(char c, boolean keepLayout) {
    if (!Character.isISOControl(c)) {
      return false;
    }
    return !(keepLayout && (c == '\t' || c == '\n' || c == '\r'));
  }
}
