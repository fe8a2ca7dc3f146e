package dev.tracehouse.pipeline.normalize;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL into the tokens {@link SqlObfuscator} needs. Comments are dropped here. Throws {@link
 * IllegalArgumentException} (with the offset) on an unterminated string, quoted identifier,
 * dollar-quoted string or block comment.
 */
final class SqlTokenizer {
  enum Kind {
    WORD,
    IDENTIFIER,
    LITERAL,
    PLACEHOLDER,
    PUNCT,
    OPERATOR
  }

  record Token(Kind kind, String text) {}

  private static final String OPERATOR_CHARS = "<>=!|&+-*/%^~:";

  private final String sql;
  private int pos;
  private final List<Token> tokens = new ArrayList<>();

  private SqlTokenizer(String sql) {
    this.sql = sql;
  }

  static List<Token> tokenize(String sql) {
    SqlTokenizer t = new SqlTokenizer(sql);
    t.run();
    return t.tokens;
  }

  private void run() {
    while (pos < sql.length()) {
      char c = sql.charAt(pos);
      char next = pos + 1 < sql.length() ? sql.charAt(pos + 1) : 0;
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '-' && next == '-'
          || c == '#' && (next == 0 || Character.isWhitespace(next))) {
        skipLine();
      } else if (c == '/' && next == '*') {
        skipBlockComment();
      } else if (c == '\'') {
        quoted('\'', Kind.LITERAL, true);
      } else if ((c == 'N' || c == 'n' || c == 'E' || c == 'e' || c == 'B' || c == 'b' || c == 'X'
              || c == 'x')
          && next == '\'') {
        pos++;
        quoted('\'', Kind.LITERAL, true);
      } else if (c == '"') {
        quoted('"', Kind.IDENTIFIER, false);
      } else if (c == '`') {
        quoted('`', Kind.IDENTIFIER, false);
      } else if (c == '[' && (Character.isLetter(next) || next == '_')) {
        bracketIdentifier();
      } else if (c == '$') {
        dollar(next);
      } else if (Character.isDigit(c)
          || (c == '.' && Character.isDigit(next))
          || signedNumber(c, next)) {
        number();
      } else if (c == '?') {
        pos++;
        add(Kind.PLACEHOLDER, "?");
      } else if (c == '@') {
        variable();
      } else if (c == ':' && Character.isLetter(next)) {
        pos++;
        word();
        Token w = tokens.remove(tokens.size() - 1);
        add(Kind.WORD, ":" + w.text());
      } else if (isWordStart(c)) {
        word();
      } else if (c == '(' || c == ')' || c == ',' || c == ';' || c == '[' || c == ']' || c == '{'
          || c == '}') {
        pos++;
        add(Kind.PUNCT, String.valueOf(c));
      } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
        operator();
      } else {
        int cp = sql.codePointAt(pos);
        pos += Character.charCount(cp);
        add(Kind.OPERATOR, new String(Character.toChars(cp)));
      }
    }
  }

  private void variable() {
    while (pos < sql.length() && sql.charAt(pos) == '@') {
      pos++;
    }
    while (pos < sql.length()
        && (Character.isLetterOrDigit(sql.charAt(pos))
            || sql.charAt(pos) == '_'
            || sql.charAt(pos) == '.')) {
      pos++;
    }
    add(Kind.LITERAL, "?");
  }

  private boolean signedNumber(char c, char next) {
    if ((c != '-' && c != '+') || !Character.isDigit(next)) {
      return false;
    }
    if (tokens.isEmpty()) {
      return true;
    }
    Token last = tokens.get(tokens.size() - 1);
    return last.kind() == Kind.OPERATOR || (last.kind() == Kind.PUNCT && !last.text().equals(")"));
  }

  private static boolean isWordStart(char c) {
    return Character.isLetter(c) || c == '_' || c == '#';
  }

  private void word() {
    int start = pos;
    while (pos < sql.length()) {
      char c = sql.charAt(pos);
      if (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '#' || c == '.') {
        pos++;
      } else if (c == '*' && pos > start && sql.charAt(pos - 1) == '.') {
        pos++;
      } else {
        break;
      }
    }
    add(Kind.WORD, sql.substring(start, pos));
  }

  private void number() {
    pos++;
    while (pos < sql.length()) {
      char c = sql.charAt(pos);
      char prev = sql.charAt(pos - 1);
      boolean exponentSign = (c == '+' || c == '-') && (prev == 'e' || prev == 'E');
      if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || exponentSign) {
        pos++;
      } else {
        break;
      }
    }
    add(Kind.LITERAL, "?");
  }

  private void operator() {
    int start = pos;
    while (pos < sql.length() && OPERATOR_CHARS.indexOf(sql.charAt(pos)) >= 0) {
      if (pos > start && (sql.startsWith("--", pos) || sql.startsWith("/*", pos))) {
        break;
      }
      pos++;
    }
    add(Kind.OPERATOR, sql.substring(start, pos));
  }

  private void quoted(char quote, Kind kind, boolean backslashEscapes) {
    int start = pos++;
    StringBuilder text = new StringBuilder();
    while (pos < sql.length()) {
      char c = sql.charAt(pos++);
      if (backslashEscapes && c == '\\' && pos < sql.length()) {
        text.append(sql.charAt(pos++));
      } else if (c == quote) {
        if (pos < sql.length() && sql.charAt(pos) == quote) {
          text.append(quote);
          pos++;
        } else {
          add(kind, kind == Kind.LITERAL ? "?" : text.toString());
          return;
        }
      } else {
        text.append(c);
      }
    }
    throw new IllegalArgumentException("unterminated " + quote + "-quoted text at offset " + start);
  }

  private void bracketIdentifier() {
    int end = sql.indexOf(']', pos);
    int newline = sql.indexOf('\n', pos);
    if (end < 0 || (newline >= 0 && newline < end)) {
      pos++;
      add(Kind.PUNCT, "[");
      return;
    }
    add(Kind.IDENTIFIER, sql.substring(pos + 1, end));
    pos = end + 1;
  }

  private void dollar(char next) {
    if (Character.isDigit(next)) {
      pos++;
      number();
      return;
    }
    int tagEnd = pos + 1;
    while (tagEnd < sql.length()
        && (Character.isLetterOrDigit(sql.charAt(tagEnd)) || sql.charAt(tagEnd) == '_')) {
      tagEnd++;
    }
    if (tagEnd < sql.length() && sql.charAt(tagEnd) == '$') {
      String tag = sql.substring(pos, tagEnd + 1);
      int close = sql.indexOf(tag, tagEnd + 1);
      if (close < 0) {
        throw new IllegalArgumentException("unterminated dollar-quoted string at offset " + pos);
      }
      pos = close + tag.length();
      add(Kind.LITERAL, "?");
      return;
    }
    word();
  }

  private void skipLine() {
    int end = sql.indexOf('\n', pos);
    pos = end < 0 ? sql.length() : end + 1;
  }

  private void skipBlockComment() {
    int end = sql.indexOf("*/", pos + 2);
    if (end < 0) {
      throw new IllegalArgumentException("unterminated block comment at offset " + pos);
    }
    pos = end + 2;
  }

  private void add(Kind kind, String text) {
    tokens.add(new Token(kind, text));
  }
}
