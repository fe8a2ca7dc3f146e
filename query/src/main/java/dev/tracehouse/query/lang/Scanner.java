package dev.tracehouse.query.lang;

import java.util.Set;

/** Character-level reading for {@link QueryParser}: position, lookahead, words, quotes, escapes. */
final class Scanner {

  /** Characters that end a bare word unless escaped ({@code special} of the grammar). */
  private static final String SPECIAL = "()[]{}\":\\<>=~^+!#“”&|,";

  private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "TO");

  /**
   * A bare word.
   *
   * @param raw the text as typed, escapes included
   * @param glob the word with escapes resolved and unescaped {@code *}/{@code ?} as wildcards
   */
  record Word(String raw, Glob glob) {
    boolean isKeyword() {
      return KEYWORDS.contains(raw);
    }
  }

  private final String text;
  private int pos;

  Scanner(String text) {
    this.text = text;
  }

  int pos() {
    return pos;
  }

  void reset(int pos) {
    this.pos = pos;
  }

  boolean atEnd() {
    return pos >= text.length();
  }

  /** The current character, or {@code \0} at the end. */
  char peek() {
    return peekAt(0);
  }

  char peekAt(int ahead) {
    return pos + ahead < text.length() ? text.charAt(pos + ahead) : '\0';
  }

  void advance(int n) {
    pos += n;
  }

  boolean startsWith(String s) {
    return text.startsWith(s, pos);
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  static boolean isDigitOrDot(char c) {
    return c >= '0' && c <= '9' || c == '.';
  }

  private static boolean endsWord(char c) {
    return isSpace(c) || (SPECIAL.indexOf(c) >= 0 && c != '\\');
  }

  /** Skips whitespace; whether there was any. */
  boolean skipSpace() {
    int start = pos;
    while (!atEnd() && isSpace(peek())) {
      pos++;
    }
    return pos > start;
  }

  /**
   * Whether {@code keyword} starts here as a whole word (followed by space, a parenthesis or end).
   */
  boolean keywordAt(String keyword) {
    if (!text.startsWith(keyword, pos)) {
      return false;
    }
    char after = peekAt(keyword.length());
    return after == '\0' || isSpace(after) || after == '(' || after == ')';
  }

  /** Whether {@code keyword} follows after whitespace, which must be there. */
  boolean keywordAhead(String keyword) {
    int save = pos;
    boolean found = skipSpace() && keywordAt(keyword);
    pos = save;
    return found;
  }

  void expect(char c) {
    if (peek() != c || atEnd()) {
      throw atEnd()
          ? new QueryParseException("expected '" + c + "' but the query ended", pos)
          : new QueryParseException("expected '" + c + "', found '" + peek() + "'", pos);
    }
    pos++;
  }

  /** A term must be followed by whitespace, {@code )} or the end. */
  void expectDelimiter() {
    if (!atEnd() && !isSpace(peek()) && peek() != ')') {
      throw unexpected();
    }
  }

  QueryParseException unexpected() {
    if (atEnd()) {
      return new QueryParseException("unexpected end of query", pos);
    }
    return new QueryParseException(
        "unexpected '"
            + peek()
            + "' (escape special characters with '\\' or put the value in double quotes)",
        pos);
  }

  /** Reads {@code "..."} (at a quote); {@code \x} is {@code x}. */
  String quoted() {
    int start = pos;
    pos++;
    StringBuilder s = new StringBuilder();
    while (!atEnd()) {
      char c = peek();
      if (c == '"') {
        pos++;
        return s.toString();
      }
      if (c == '\\') {
        pos++;
        if (atEnd()) {
          break;
        }
      }
      appendCodePoint(s);
    }
    throw new QueryParseException("unterminated '\"'", start);
  }

  /** Reads a bare word (possibly empty) up to whitespace or a special character. */
  Word word() {
    int start = pos;
    Glob.Builder glob = new Glob.Builder();
    while (!atEnd() && !endsWord(peek())) {
      char c = peek();
      if (c == '\\') {
        pos++;
        if (atEnd()) {
          throw new QueryParseException("'\\' at the end of the query escapes nothing", pos - 1);
        }
        glob.text(codePoint());
      } else if (c == '*') {
        pos++;
        glob.anyString();
      } else if (c == '?') {
        pos++;
        glob.anyChar();
      } else {
        glob.text(codePoint());
      }
    }
    return new Word(text.substring(start, pos), glob.build());
  }

  /**
   * Reads an attribute path after {@code @}: segments separated by unescaped dots, joined by dots
   * (a flat key). Wildcards and empty segments are errors.
   */
  String attributePath() {
    int start = pos;
    StringBuilder path = new StringBuilder();
    boolean segmentEmpty = true;
    while (!atEnd() && !endsWord(peek())) {
      char c = peek();
      if (c == '*' || c == '?') {
        throw new QueryParseException("wildcards are not allowed in attribute names", pos);
      }
      if (c == '.') {
        if (segmentEmpty) {
          throw new QueryParseException("empty segment in attribute path", pos);
        }
        pos++;
        path.append('.');
        segmentEmpty = true;
        continue;
      }
      if (c == '\\') {
        pos++;
        if (atEnd()) {
          throw new QueryParseException("'\\' at the end of the query escapes nothing", pos - 1);
        }
      }
      path.append(codePoint());
      segmentEmpty = false;
    }
    if (segmentEmpty) {
      throw new QueryParseException(
          path.length() == 0 ? "expected an attribute name" : "empty segment in attribute path",
          path.length() == 0 ? start : pos);
    }
    return path.toString();
  }

  /** Reads the characters of a CIDR block: hex digits, dots, colons and a slash. */
  String cidrBlock() {
    int start = pos;
    while (!atEnd() && (Character.digit(peek(), 16) >= 0 || ".:/".indexOf(peek()) >= 0)) {
      pos++;
    }
    if (pos == start) {
      throw new QueryParseException("expected a CIDR block", pos);
    }
    return text.substring(start, pos);
  }

  private String codePoint() {
    int cp = text.codePointAt(pos);
    pos += Character.charCount(cp);
    return Character.toString(cp);
  }

  private void appendCodePoint(StringBuilder s) {
    s.append(codePoint());
  }
}
