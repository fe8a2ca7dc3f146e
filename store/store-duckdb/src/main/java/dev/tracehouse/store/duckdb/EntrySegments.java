package dev.tracehouse.store.duckdb;

import dev.tracehouse.store.EntryStatsQuery;
import dev.tracehouse.store.EntryStatsQuery.Detail;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a window into the time ranges an entry-stats read takes from each rollup level: the coarsest
 * level (with at least the detail the query needs) whose whole periods fit the window, the query's
 * alignment and the level's covered range, then finer levels for the ragged edges, and the 10 s
 * stats rows (level {@code null}) for what is left.
 */
final class EntrySegments {

  /** Periods of {@code level} (null: stats rows) starting in {@code [from, to)}. */
  record Segment(RollupLevel level, long from, long to) {}

  private EntrySegments() {}

  /** The segments covering the query's window, in time order. */
  static List<Segment> of(EntryStatsQuery query, RollupMarks marks) {
    Detail needed = query.neededDetail();
    List<RollupLevel> levels = new ArrayList<>();
    for (RollupLevel level : RollupLevel.values()) {
      if (level.detail.compareTo(needed) >= 0 && query.allows(level.resolution)) {
        levels.add(level);
      }
    }
    List<Segment> out = new ArrayList<>();
    cover(query.stats().fromNs(), query.stats().toNs(), levels, marks, out);
    return out;
  }

  private static void cover(
      long from, long to, List<RollupLevel> levels, RollupMarks marks, List<Segment> out) {
    if (from >= to) {
      return;
    }
    if (levels.isEmpty()) {
      out.add(new Segment(null, from, to));
      return;
    }
    RollupLevel level = levels.get(0);
    List<RollupLevel> finer = levels.subList(1, levels.size());
    RollupMarks.Range covered = marks.of(level);
    long first = Math.max(ceil(from, level.resolution), covered.floor());
    long end = Math.min(level.periodOf(to), covered.mark());
    if (first >= end) {
      cover(from, to, finer, marks, out);
      return;
    }
    cover(from, first, finer, marks, out);
    out.add(new Segment(level, first, end));
    cover(end, to, finer, marks, out);
  }

  private static long ceil(long ns, long resolution) {
    long floor = Math.floorDiv(ns, resolution) * resolution;
    return floor == ns ? ns : floor + resolution;
  }
}
