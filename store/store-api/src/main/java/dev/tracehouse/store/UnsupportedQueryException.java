package dev.tracehouse.store;

/** The store cannot answer this query; thrown instead of returning a silently empty result. */
public class UnsupportedQueryException extends StoreException {
  public UnsupportedQueryException(String message) {
    super(message, null);
  }
}
