package dev.tracehouse.store.duckdb;

/**
 * The rollups kept beside the 10 s stats rows, coarsest first. Operations are merged across
 * resources at every resolution (the service list and service page read those); minute and hour
 * rows also exist per resource.
 */
enum RollupLevel {
  HOUR_BY_RESOURCE(3_600_000_000_000L, true),
  HOUR(3_600_000_000_000L, false),
  MINUTE_BY_RESOURCE(60_000_000_000L, true),
  MINUTE(60_000_000_000L, false),
  /** Written with every stats write (its mark is always open), never compacted. */
  TEN_SECONDS(10_000_000_000L, false);

  final long resolution;
  final boolean byResource;

  RollupLevel(long resolution, boolean byResource) {
    this.resolution = resolution;
    this.byResource = byResource;
  }

  /** The start of the period holding {@code ns}. */
  long periodOf(long ns) {
    return Math.floorDiv(ns, resolution) * resolution;
  }

  /** Whether rows of this level are written by compaction (else with every write). */
  boolean compacted() {
    return this != TEN_SECONDS;
  }
}
