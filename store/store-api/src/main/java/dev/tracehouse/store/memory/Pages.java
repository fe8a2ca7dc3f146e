package dev.tracehouse.store.memory;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Cuts a sorted list of matches into a page and the cursor of the next one. */
final class Pages {

  private Pages() {}

  /**
   * The first {@code limit} items of {@code sorted}, with a cursor after the last of them when more
   * items follow.
   */
  static <T, C, P> P first(
      List<T> sorted,
      int limit,
      Function<T, C> cursorAfter,
      BiFunction<List<T>, Optional<C>, P> pageOf) {
    if (sorted.size() <= limit) {
      return pageOf.apply(List.copyOf(sorted), Optional.empty());
    }
    List<T> page = List.copyOf(sorted.subList(0, limit));
    return pageOf.apply(page, Optional.of(cursorAfter.apply(page.get(limit - 1))));
  }
}
