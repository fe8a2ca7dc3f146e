package dev.tracehouse.store;

/** Bounds shared by every search request. */
final class SearchLimits {

  /** The largest page a search returns. */
  static final int MAX_LIMIT = 1000;

  private SearchLimits() {}

  static void check(int limit, long fromNs, long toNs) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit: must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    if (fromNs > toNs) {
      throw new IllegalArgumentException("from (" + fromNs + ") is after to (" + toNs + ")");
    }
  }
}
