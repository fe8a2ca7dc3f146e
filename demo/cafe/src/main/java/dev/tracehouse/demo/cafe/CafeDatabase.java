package dev.tracehouse.demo.cafe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The menu, kept in a SQLite file through plain JDBC. {@link #open(Path)} creates the file, its
 * parent directories and the tables, and seeds the four beers and four donuts idempotently.
 */
final class CafeDatabase implements AutoCloseable {

  static final List<Beer> SEED_BEERS =
      List.of(
          new Beer(1, "ipa", 10),
          new Beer(2, "pilsner", 8),
          new Beer(3, "lager", 8),
          new Beer(4, "stout", 7));
  static final List<Donut> SEED_DONUTS =
      List.of(
          new Donut(1, "jelly", 7),
          new Donut(2, "glazed", 9),
          new Donut(3, "chocolate", 6),
          new Donut(4, "bavarian", 8));

  private final Connection connection;

  private CafeDatabase(Connection connection) {
    this.connection = connection;
  }

  static CafeDatabase open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      CafeDatabase database = new CafeDatabase(connection);
      try {
        database.createAndSeed();
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
      return database;
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("cannot open the cafe database " + file + ": " + e, e);
    }
  }

  synchronized List<Beer> beers() {
    return query("SELECT id, name, hops FROM beers ORDER BY id", null, CafeDatabase::beer);
  }

  synchronized Optional<Beer> beer(String name) {
    return query("SELECT id, name, hops FROM beers WHERE name = ?", name, CafeDatabase::beer)
        .stream()
        .findFirst();
  }

  synchronized List<Donut> donuts() {
    return query("SELECT id, name, sugar FROM donuts ORDER BY id", null, CafeDatabase::donut);
  }

  synchronized Optional<Donut> donut(String name) {
    return query("SELECT id, name, sugar FROM donuts WHERE name = ?", name, CafeDatabase::donut)
        .stream()
        .findFirst();
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot close the cafe database: " + e, e);
    }
  }

  private void createAndSeed() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS beers (id INTEGER PRIMARY KEY,"
              + " name TEXT NOT NULL UNIQUE, hops INTEGER NOT NULL)");
      statement.execute(
          "CREATE TABLE IF NOT EXISTS donuts (id INTEGER PRIMARY KEY,"
              + " name TEXT NOT NULL UNIQUE, sugar INTEGER NOT NULL)");
    }
    try (PreparedStatement beers =
            connection.prepareStatement(
                "INSERT OR IGNORE INTO beers (id, name, hops) VALUES (?, ?, ?)");
        PreparedStatement donuts =
            connection.prepareStatement(
                "INSERT OR IGNORE INTO donuts (id, name, sugar) VALUES (?, ?, ?)")) {
      for (Beer beer : SEED_BEERS) {
        insert(beers, beer.id(), beer.name(), beer.hops());
      }
      for (Donut donut : SEED_DONUTS) {
        insert(donuts, donut.id(), donut.name(), donut.sugar());
      }
    }
  }

  private static void insert(PreparedStatement statement, int id, String name, int level)
      throws SQLException {
    statement.setInt(1, id);
    statement.setString(2, name);
    statement.setInt(3, level);
    statement.executeUpdate();
  }

  private <T> List<T> query(String sql, String parameter, RowMapper<T> mapper) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      if (parameter != null) {
        statement.setString(1, parameter);
      }
      try (ResultSet rows = statement.executeQuery()) {
        List<T> result = new ArrayList<>();
        while (rows.next()) {
          result.add(mapper.map(rows));
        }
        return result;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cafe database query failed: " + e.getMessage(), e);
    }
  }

  private static Beer beer(ResultSet row) throws SQLException {
    return new Beer(row.getInt("id"), row.getString("name"), row.getInt("hops"));
  }

  private static Donut donut(ResultSet row) throws SQLException {
    return new Donut(row.getInt("id"), row.getString("name"), row.getInt("sugar"));
  }

  @FunctionalInterface
  private interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }
}
