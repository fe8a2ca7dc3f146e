package dev.tracehouse.pipeline.normalize;

import dev.tracehouse.pipeline.normalize.SqlTokenizer.Kind;
import dev.tracehouse.pipeline.normalize.SqlTokenizer.Token;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Replaces the literals of a SQL query with {@code ?} the way the Datadog agent's default (legacy)
 * SQL obfuscator does (RATIONALE.md, "SQL obfuscation"): strings, numbers, hex, booleans, NULL,
 * dollar-quoted strings, {@code $1} and {@code @var} parameters become {@code ?}; a run of them (an
 * {@code IN} list, a {@code VALUES} row) collapses to one {@code ?}; comments, {@code ;} and {@code
 * AS alias} are dropped; identifiers lose their quotes; tokens are joined by single spaces. Never
 * throws: text it cannot tokenize becomes {@link #NON_PARSABLE}, counted in {@link #failures()}.
 * Thread-safe.
 */
public final class SqlObfuscator {
  /** What an unparsable query is replaced with (the agent's text). */
  public static final String NON_PARSABLE = "Non-parsable SQL query";

  private final LongAdder failures = new LongAdder();

  /** The obfuscated query, or {@link #NON_PARSABLE}. */
  public String obfuscate(String sql) {
    if (sql == null) {
      return NON_PARSABLE;
    }
    try {
      String out = render(SqlTokenizer.tokenize(sql));
      if (!out.isEmpty()) {
        return out;
      }
    } catch (RuntimeException | StackOverflowError e) {
      // Unterminated quote or comment: fall through to the safe form.
    }
    failures.increment();
    return NON_PARSABLE;
  }

  /** How many queries could not be tokenized and became {@link #NON_PARSABLE}. */
  public long failures() {
    return failures.sum();
  }

  private static String render(List<Token> tokens) {
    StringBuilder out = new StringBuilder();
    String last = "";
    boolean skipNext = false;
    for (Token token : tokens) {
      if (skipNext) {
        skipNext = false;
        continue;
      }
      String text = token.text();
      if (token.kind() == Kind.WORD && text.equalsIgnoreCase("as")) {
        skipNext = true;
        continue;
      }
      if (token.kind() == Kind.WORD && isLiteralWord(text) || token.kind() == Kind.PLACEHOLDER) {
        text = "?";
      }
      boolean literal = text.equals("?") && token.kind() != Kind.IDENTIFIER;
      if (text.equals(";") && token.kind() == Kind.PUNCT) {
        continue;
      }
      if (text.equals(",") && token.kind() == Kind.PUNCT) {
        if (!last.equals("?")) {
          out.append(',');
          last = ",";
        }
        continue;
      }
      if (literal && last.equals("?")) {
        continue;
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(text);
      last = literal ? "?" : text;
    }
    return out.toString();
  }

  private static boolean isLiteralWord(String word) {
    return word.equalsIgnoreCase("null")
        || word.equalsIgnoreCase("true")
        || word.equalsIgnoreCase("false");
  }
}
