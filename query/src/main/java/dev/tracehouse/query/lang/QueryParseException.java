package dev.tracehouse.query.lang;

/**
 * A query that is not valid: the reason and the 0-based character offset where it was found. The
 * message reads {@code "<reason> at column <offset>"}.
 */
public final class QueryParseException extends IllegalArgumentException {

  private final String reason;
  private final int offset;

  public QueryParseException(String reason, int offset) {
    super(reason + " at column " + offset);
    this.reason = reason;
    this.offset = offset;
  }

  /** What is wrong, without the position. */
  public String reason() {
    return reason;
  }

  /** The 0-based character offset in the query. */
  public int offset() {
    return offset;
  }
}
