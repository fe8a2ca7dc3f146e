package dev.tracehouse.store.duckdb;

import dev.tracehouse.model.EncodedSketch;
import dev.tracehouse.model.ServiceMapBucket;
import dev.tracehouse.model.StatsBucket;
import dev.tracehouse.model.StatsGroup;
import dev.tracehouse.store.EntryStatsQuery;
import dev.tracehouse.store.ServiceMapQuery;
import dev.tracehouse.store.StatsQuery;
import dev.tracehouse.store.StatsReader;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads stats and service-map buckets with SQL; every user value is a parameter. Rows come sorted
 * by bucket start and duration and are cut into buckets here. Each read holds the read side of the
 * store's commit lock.
 */
final class DuckDbStatsReader implements StatsReader {

  private static final String FILTERS =
      " AND (? OR env = ?) AND (? OR service = ?) AND (? OR resource = ?)";

  private static final String BUCKETS =
      "SELECT "
          + StatsTable.COLUMNS
          + " FROM stats_groups WHERE bucket_start >= ? AND bucket_start < ?"
          + FILTERS
          + " ORDER BY bucket_start, bucket_duration";

  private static final String SERVICE_MAP =
      "SELECT "
          + EdgeTable.COLUMNS
          + " FROM service_edges WHERE bucket_start >= ? AND bucket_start < ?"
          + " AND (? OR env = ?) AND (? OR caller = ? OR callee = ?)"
          + " ORDER BY bucket_start, bucket_duration";

  @FunctionalInterface
  private interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  @FunctionalInterface
  private interface BucketFactory<T, B> {
    B create(long start, long duration, List<T> entries);
  }

  private final LockedConnections connections;

  DuckDbStatsReader(LockedConnections connections) {
    this.connections = connections;
  }

  @Override
  public List<StatsBucket> buckets(StatsQuery query) {
    Objects.requireNonNull(query, "query");
    return connections.run(
        "reading stats",
        c -> {
          try (PreparedStatement st = c.prepareStatement(BUCKETS)) {
            st.setLong(1, query.fromNs());
            st.setLong(2, query.toNs());
            setFilters(st, 2, query);
            return buckets(st, StatsTable::read, StatsBucket::new);
          }
        });
  }

  /**
   * Reads the segments of {@link EntrySegments} (rollup levels, and the stats rows for what they do
   * not cover) with one {@link EntrySql} statement, in one snapshot with the marks that chose them.
   */
  @Override
  public List<StatsBucket> entries(EntryStatsQuery query) {
    Objects.requireNonNull(query, "query");
    return connections.run(
        "reading entry stats",
        c -> {
          try (Statement snapshot = c.createStatement()) {
            snapshot.execute("BEGIN TRANSACTION");
            List<EntrySegments.Segment> segments = EntrySegments.of(query, RollupMarks.read(c));
            List<StatsBucket> out = List.of();
            if (!segments.isEmpty()) {
              EntrySql sql = EntrySql.of(segments, query.stats());
              try (PreparedStatement st = c.prepareStatement(sql.sql)) {
                sql.bind(st);
                out = buckets(st, DuckDbStatsReader::entry, StatsBucket::new);
              }
            }
            snapshot.execute("COMMIT");
            return out;
          }
        });
  }

  @Override
  public List<ServiceMapBucket> serviceMap(ServiceMapQuery query) {
    Objects.requireNonNull(query, "query");
    return connections.run(
        "reading service-map edges",
        c -> {
          try (PreparedStatement st = c.prepareStatement(SERVICE_MAP)) {
            int i = 0;
            st.setLong(++i, query.fromNs());
            st.setLong(++i, query.toNs());
            st.setBoolean(++i, query.env().isEmpty());
            st.setString(++i, query.env().orElse(""));
            st.setBoolean(++i, query.service().isEmpty());
            st.setString(++i, query.service().orElse(""));
            st.setString(++i, query.service().orElse(""));
            return buckets(st, EdgeTable::read, ServiceMapBucket::new);
          }
        });
  }

  private static int setFilters(PreparedStatement st, int i, StatsQuery query) throws SQLException {
    st.setBoolean(++i, query.env().isEmpty());
    st.setString(++i, query.env().orElse(""));
    st.setBoolean(++i, query.service().isEmpty());
    st.setString(++i, query.service().orElse(""));
    st.setBoolean(++i, query.resource().isEmpty());
    st.setString(++i, query.resource().orElse(""));
    return i;
  }

  /** A group of an {@link EntrySql} row. */
  private static StatsGroup entry(ResultSet rs) throws SQLException {
    return new StatsGroup(
        RollupTable.key(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)),
        rs.getDouble(7),
        rs.getDouble(8),
        rs.getDouble(9),
        rs.getDouble(10),
        new EncodedSketch(rs.getBytes(11)),
        new EncodedSketch(rs.getBytes(12)));
  }

  /** Cuts rows sorted by (bucket_start, bucket_duration), columns 1 and 2, into buckets. */
  private static <T, B> List<B> buckets(
      PreparedStatement st, RowReader<T> rows, BucketFactory<T, B> factory) throws SQLException {
    List<B> buckets = new ArrayList<>();
    List<T> entries = new ArrayList<>();
    long start = 0;
    long duration = 0;
    try (ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        long rowStart = rs.getLong(1);
        long rowDuration = rs.getLong(2);
        if (!entries.isEmpty() && (rowStart != start || rowDuration != duration)) {
          buckets.add(factory.create(start, duration, entries));
          entries.clear();
        }
        start = rowStart;
        duration = rowDuration;
        entries.add(rows.read(rs));
      }
    }
    if (!entries.isEmpty()) {
      buckets.add(factory.create(start, duration, entries));
    }
    return buckets;
  }
}
