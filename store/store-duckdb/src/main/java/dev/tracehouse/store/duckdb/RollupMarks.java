package dev.tracehouse.store.duckdb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Which periods the rollups of each resolution cover completely: those starting in {@code [floor,
 * mark)}. Compaction moves a mark forward; the 10 s level's mark is open ({@link Long#MAX_VALUE}).
 * A file that held stats before rollups existed gets floors after its last stored bucket (older
 * buckets are read from the 10 s rows); a new file gets open floors. Read by the stats reader in
 * the same snapshot as the rollups; kept in memory by the writer.
 */
final class RollupMarks {

  static final String SELECT = "SELECT resolution, floor_ns, mark_ns FROM stats_rollup_marks";

  /** A covered range. */
  record Range(long floor, long mark) {
    boolean covers(long periodStart) {
      return periodStart >= floor && periodStart < mark;
    }
  }

  private final Map<Long, Range> byResolution;

  private RollupMarks(Map<Long, Range> byResolution) {
    this.byResolution = byResolution;
  }

  /** The stored marks; none stored covers nothing. */
  static RollupMarks read(Connection c) throws SQLException {
    Map<Long, Range> marks = new HashMap<>();
    try (PreparedStatement st = c.prepareStatement(SELECT);
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        marks.put(rs.getLong(1), new Range(rs.getLong(2), rs.getLong(3)));
      }
    }
    return new RollupMarks(marks);
  }

  /**
   * The stored marks, first storing those of a file that has none: after {@code newestStoredStart}
   * when stats are already stored, else open floors and marks at the period of {@code firstStart}.
   */
  static RollupMarks readOrCreate(Connection c, Long newestStoredStart, long firstStart)
      throws SQLException {
    RollupMarks marks = read(c);
    for (RollupLevel level : RollupLevel.values()) {
      if (marks.byResolution.containsKey(level.resolution)) {
        continue;
      }
      Range range;
      if (newestStoredStart != null) {
        long after = level.periodOf(newestStoredStart) + level.resolution;
        range = new Range(after, level.compacted() ? after : Long.MAX_VALUE);
      } else {
        range =
            new Range(
                Long.MIN_VALUE, level.compacted() ? level.periodOf(firstStart) : Long.MAX_VALUE);
      }
      try (PreparedStatement st =
          c.prepareStatement("INSERT INTO stats_rollup_marks VALUES (?, ?, ?)")) {
        st.setLong(1, level.resolution);
        st.setLong(2, range.floor());
        st.setLong(3, range.mark());
        st.executeUpdate();
      }
      marks.byResolution.put(level.resolution, range);
    }
    return marks;
  }

  /** The covered range of {@code level}; nothing when none is stored. */
  Range of(RollupLevel level) {
    return byResolution.getOrDefault(level.resolution, new Range(0, 0));
  }

  /** The mark of {@code resolution}. */
  long of(long resolution) {
    return byResolution.get(resolution).mark();
  }

  /** Stores a new mark for {@code resolution} (in the caller's transaction). */
  void advance(Connection c, long resolution, long mark) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement("UPDATE stats_rollup_marks SET mark_ns = ? WHERE resolution = ?")) {
      st.setLong(1, mark);
      st.setLong(2, resolution);
      st.executeUpdate();
    }
    byResolution.put(resolution, new Range(byResolution.get(resolution).floor(), mark));
  }
}
