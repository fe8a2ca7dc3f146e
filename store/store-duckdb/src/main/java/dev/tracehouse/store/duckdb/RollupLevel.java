package dev.tracehouse.store.duckdb;

import dev.tracehouse.store.EntryStatsQuery.Detail;
import java.util.Arrays;
import java.util.List;

/**
 * The rollups kept beside the 10 s stats rows: per service, per operation and per resource at one
 * hour and one minute, and per service and per operation at 10 s. Listed coarsest first (by
 * resolution, then by detail), the order a read tries them in.
 */
enum RollupLevel {
  HOUR_SERVICE(3_600_000_000_000L, Detail.SERVICE),
  HOUR_OPERATION(3_600_000_000_000L, Detail.OPERATION),
  HOUR_RESOURCE(3_600_000_000_000L, Detail.RESOURCE),
  MINUTE_SERVICE(60_000_000_000L, Detail.SERVICE),
  MINUTE_OPERATION(60_000_000_000L, Detail.OPERATION),
  MINUTE_RESOURCE(60_000_000_000L, Detail.RESOURCE),
  /** Written with every stats write (the mark of 10 s is always open), never compacted. */
  TEN_SECONDS_SERVICE(10_000_000_000L, Detail.SERVICE),
  TEN_SECONDS_OPERATION(10_000_000_000L, Detail.OPERATION);

  static final long TEN_SECONDS = 10_000_000_000L;
  static final long MINUTE = 60_000_000_000L;
  static final long HOUR = 3_600_000_000_000L;

  final long resolution;
  final Detail detail;

  RollupLevel(long resolution, Detail detail) {
    this.resolution = resolution;
    this.detail = detail;
  }

  /** The start of the period holding {@code ns}. */
  long periodOf(long ns) {
    return Math.floorDiv(ns, resolution) * resolution;
  }

  /** Whether rows of this level are written by compaction (else with every write). */
  boolean compacted() {
    return resolution != TEN_SECONDS;
  }

  /** The levels of {@code resolution}. */
  static List<RollupLevel> at(long resolution) {
    return Arrays.stream(values()).filter(l -> l.resolution == resolution).toList();
  }

  /** The level of {@code resolution} and {@code detail}. */
  static RollupLevel of(long resolution, Detail detail) {
    return at(resolution).stream()
        .filter(l -> l.detail == detail)
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("no rollup level " + resolution + "/" + detail));
  }
}
