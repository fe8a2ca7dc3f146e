package dev.tracehouse.query.lang;

import dev.tracehouse.query.lang.Query.Key;
import dev.tracehouse.store.IpAddresses;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * Parses the search syntax of {@code spec/search-syntax.md} section 5 into a {@link Query}. A
 * recursive-descent parser over the characters; every error is a {@link QueryParseException} with
 * the 0-based offset. Input length and nesting depth are capped, so no query can exhaust the stack.
 */
public final class QueryParser {

  /** The longest query accepted, in characters. */
  public static final int MAX_LENGTH = 4096;

  /** The deepest nesting of groups and negations accepted. */
  public static final int MAX_DEPTH = 64;

  private final Scanner in;
  private int depth;

  private QueryParser(String text) {
    this.in = new Scanner(text);
  }

  /**
   * Parses {@code text}; blank text matches everything.
   *
   * @throws QueryParseException naming what is wrong and where
   */
  public static Query parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.length() > MAX_LENGTH) {
      throw new QueryParseException(
          "query is longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
    }
    return new QueryParser(text).query();
  }

  private Query query() {
    in.skipSpace();
    if (in.atEnd()) {
      return new Query.MatchAll();
    }
    Query q = or();
    in.skipSpace();
    if (!in.atEnd()) {
      throw in.peek() == ')'
          ? new QueryParseException("unbalanced ')'", in.pos())
          : in.unexpected();
    }
    return q;
  }

  private Query or() {
    return disjunction(this::and);
  }

  /** Operands joined by {@code OR}; every {@code OR} must be followed by an operand. */
  private Query disjunction(Supplier<Query> operand) {
    List<Query> operands = new ArrayList<>(List.of(operand.get()));
    while (in.keywordAhead("OR")) {
      in.skipSpace();
      in.advance(2);
      in.skipSpace();
      requireOperand("OR");
      operands.add(operand.get());
    }
    return operands.size() == 1 ? operands.get(0) : new Query.Or(operands);
  }

  private Query and() {
    return conjunction(this::unary);
  }

  /** Operands joined by {@code AND} or by juxtaposition, up to {@code OR}, ')' or the end. */
  private Query conjunction(Supplier<Query> operand) {
    List<Query> operands = new ArrayList<>(List.of(operand.get()));
    while (true) {
      int save = in.pos();
      in.skipSpace();
      if (in.atEnd() || in.peek() == ')' || in.keywordAt("OR")) {
        in.reset(save);
        break;
      }
      if (in.keywordAt("AND")) {
        in.advance(3);
        in.skipSpace();
        requireOperand("AND");
      }
      operands.add(operand.get());
    }
    return operands.size() == 1 ? operands.get(0) : new Query.And(operands);
  }

  /** A binary keyword must be followed by an operand. */
  private void requireOperand(String keyword) {
    if (in.atEnd() || in.peek() == ')') {
      throw new QueryParseException("expected a term after " + keyword, in.pos());
    }
  }

  private Query unary() {
    if (in.keywordAt("NOT")) {
      in.advance(3);
      in.skipSpace();
      return negation("NOT");
    }
    if (in.peek() == '-') {
      in.advance(1);
      return negation("'-'");
    }
    Query q = primary();
    in.expectDelimiter();
    return q;
  }

  private Query negation(String operator) {
    if (in.atEnd() || Scanner.isSpace(in.peek()) || in.peek() == ')') {
      throw new QueryParseException("expected a term after " + operator, in.pos());
    }
    enter();
    Query operand = unary();
    depth--;
    return new Query.Not(operand);
  }

  private Query primary() {
    if (in.peek() == '(') {
      int open = in.pos();
      in.advance(1);
      enter();
      in.skipSpace();
      if (in.peek() == ')') {
        throw new QueryParseException("empty group '()'", in.pos());
      }
      Query q = or();
      in.skipSpace();
      if (in.atEnd()) {
        throw new QueryParseException("unbalanced '(': no matching ')'", open);
      }
      in.expect(')');
      depth--;
      return q;
    }
    if (in.startsWith("CIDR(")) {
      return cidr();
    }
    return term();
  }

  private Query term() {
    int start = in.pos();
    char c = in.peek();
    if (c == '"') {
      String text = in.quoted();
      if (in.peek() == ':') {
        in.advance(1);
        return value(new Key(text, false, start));
      }
      return new Query.FreeText(phrase(text, start));
    }
    if (c == '@') {
      in.advance(1);
      String path = in.attributePath();
      if (in.peek() != ':') {
        throw new QueryParseException(
            "expected ':' after @" + path + " (free text cannot start with '@'; escape it)",
            in.pos());
      }
      in.advance(1);
      return value(new Key(path, true, start));
    }
    if (c == '*' && in.peekAt(1) == ':') {
      in.advance(2);
      return new Query.FullText(fullTextValue(), start);
    }
    Scanner.Word word = in.word();
    if (word.glob().parts().isEmpty()) {
      throw in.unexpected();
    }
    if (in.peek() == ':') {
      if (word.glob().hasWildcards()) {
        throw new QueryParseException("wildcards are not allowed in keys", start);
      }
      in.advance(1);
      if (word.raw().equals("_exists_")) {
        return exists();
      }
      return value(new Key(word.glob().literal(), false, start));
    }
    if (word.isKeyword()) {
      throw new QueryParseException("expected a term, found the keyword " + word.raw(), start);
    }
    if (word.glob().isAnything()) {
      return new Query.MatchAll();
    }
    return new Query.FreeText(new Value.Match(word.glob(), false, OptionalDouble.empty(), start));
  }

  private Value.Match fullTextValue() {
    int start = in.pos();
    if (in.peek() == '"') {
      return phrase(in.quoted(), start);
    }
    Scanner.Word word = in.word();
    if (word.glob().parts().isEmpty()) {
      throw new QueryParseException("expected value after ':'", start);
    }
    return new Value.Match(word.glob(), false, OptionalDouble.empty(), start);
  }

  /** {@code _exists_:path}, the same as {@code @path:*}. */
  private Query exists() {
    int start = in.pos();
    if (in.peek() == '@') {
      in.advance(1);
    }
    String path = in.attributePath();
    return new Query.Term(new Key(path, true, start), new Value.Exists(start));
  }

  /** The value after {@code key:}, with value groups distributed over the key. */
  private Query value(Key key) {
    if (in.atEnd() || Scanner.isSpace(in.peek()) || in.peek() == ')') {
      throw new QueryParseException("expected value after ':'", in.pos());
    }
    if (in.peek() == '(') {
      return valueGroup(key);
    }
    return new Query.Term(key, simpleValue(key));
  }

  private Query valueGroup(Key key) {
    int open = in.pos();
    in.advance(1);
    enter();
    in.skipSpace();
    if (in.peek() == ')') {
      throw new QueryParseException("empty value group '()'", in.pos());
    }
    Query q = valueOr(key);
    in.skipSpace();
    if (in.atEnd()) {
      throw new QueryParseException("unbalanced '(': no matching ')'", open);
    }
    in.expect(')');
    depth--;
    return q;
  }

  private Query valueOr(Key key) {
    return disjunction(() -> valueAnd(key));
  }

  private Query valueAnd(Key key) {
    return conjunction(() -> valueUnary(key));
  }

  private Query valueUnary(Key key) {
    if (in.atEnd() || in.peek() == ')') {
      throw new QueryParseException("expected a value", in.pos());
    }
    boolean not = in.keywordAt("NOT");
    boolean minus = in.peek() == '-' && !Scanner.isDigitOrDot(in.peekAt(1));
    if (not || minus) {
      in.advance(not ? 3 : 1);
      in.skipSpace();
      enter();
      Query operand = valueUnary(key);
      depth--;
      return new Query.Not(operand);
    }
    Query q = in.peek() == '(' ? valueGroup(key) : new Query.Term(key, simpleValue(key));
    in.expectDelimiter();
    return q;
  }

  private Value simpleValue(Key key) {
    int start = in.pos();
    char c = in.peek();
    if (c == '>' || c == '<') {
      boolean orEqual = in.peekAt(1) == '=';
      in.advance(orEqual ? 2 : 1);
      Value.Op op =
          c == '>' ? (orEqual ? Value.Op.GE : Value.Op.GT) : (orEqual ? Value.Op.LE : Value.Op.LT);
      int numberAt = in.pos();
      String text = in.word().raw();
      if (text.isEmpty()) {
        throw new QueryParseException("expected a number after '" + op.symbol() + "'", numberAt);
      }
      return new Value.Compare(op, Numbers.parse(text, key, numberAt), start);
    }
    if (c == '[' || c == '{') {
      return range(key);
    }
    if (c == '"') {
      return phrase(in.quoted(), start);
    }
    Scanner.Word word = in.word();
    if (word.glob().parts().isEmpty()) {
      throw in.unexpected();
    }
    if (word.glob().isAnything()) {
      return new Value.Exists(start);
    }
    OptionalDouble number =
        word.glob().hasWildcards()
            ? OptionalDouble.empty()
            : Numbers.tryParse(word.glob().literal(), key);
    return new Value.Match(word.glob(), false, number, start);
  }

  private Value range(Key key) {
    int start = in.pos();
    boolean lowInclusive = in.peek() == '[';
    in.advance(1);
    in.skipSpace();
    OptionalDouble low = bound(key);
    if (!in.skipSpace() || !in.keywordAt("TO")) {
      throw new QueryParseException("expected ' TO ' in range", in.pos());
    }
    in.advance(2);
    if (!in.skipSpace()) {
      throw new QueryParseException("expected ' TO ' in range", in.pos());
    }
    OptionalDouble high = bound(key);
    in.skipSpace();
    if (in.atEnd() || (in.peek() != ']' && in.peek() != '}')) {
      throw new QueryParseException("expected ']' or '}' to close the range", in.pos());
    }
    boolean highInclusive = in.peek() == ']';
    in.advance(1);
    return new Value.Range(low, lowInclusive, high, highInclusive, start);
  }

  private OptionalDouble bound(Key key) {
    int start = in.pos();
    String text = in.word().raw();
    if (text.isEmpty()) {
      throw new QueryParseException("expected a number or '*' in range", start);
    }
    return text.equals("*")
        ? OptionalDouble.empty()
        : OptionalDouble.of(Numbers.parse(text, key, start));
  }

  private static Value.Match phrase(String text, int start) {
    return new Value.Match(Glob.literal(text), true, OptionalDouble.empty(), start);
  }

  private Query cidr() {
    int start = in.pos();
    in.advance(5);
    in.skipSpace();
    if (in.peek() != '@') {
      throw new QueryParseException("expected an @attribute as the first CIDR argument", in.pos());
    }
    in.advance(1);
    String path = in.attributePath();
    List<IpAddresses.Range> blocks = new ArrayList<>();
    in.skipSpace();
    while (in.peek() == ',') {
      in.advance(1);
      in.skipSpace();
      int blockAt = in.pos();
      String block = in.cidrBlock();
      blocks.add(
          IpAddresses.block(block)
              .orElseThrow(
                  () -> new QueryParseException("not a CIDR block: '" + block + "'", blockAt)));
      in.skipSpace();
    }
    if (blocks.isEmpty()) {
      throw new QueryParseException("expected ', <CIDR block>' after the attribute", in.pos());
    }
    if (in.atEnd()) {
      throw new QueryParseException("unbalanced '(': no matching ')'", start + 4);
    }
    in.expect(')');
    return new Query.Cidr(path, blocks, start);
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw new QueryParseException(
          "query nests groups or negations deeper than " + MAX_DEPTH + " levels", in.pos());
    }
  }
}
