package dev.tracehouse.tracer.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DbInfoTest {

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        "jdbc:sqlite:/tmp/cafe.db, null, sqlite, /tmp/cafe.db, null, null, 0",
        "jdbc:sqlite:/tmp/cafe.db?journal_mode=WAL, null, sqlite, /tmp/cafe.db, null, null, 0",
        "jdbc:postgresql://db.internal:5433/orders?user=app, null, postgresql, orders, app,"
            + " db.internal, 5433",
        "jdbc:postgresql://db.internal/orders, reader, postgresql, orders, reader, db.internal, 0",
        "jdbc:mysql://u@10.0.0.7:3306/shop, null, mysql, shop, null, 10.0.0.7, 3306",
        "jdbc:sqlserver://sql1:1433;databaseName=stock;user=sa, null, sqlserver, stock, sa, sql1,"
            + " 1433",
        "jdbc:h2:mem:test;DB_CLOSE_DELAY=-1, SA, h2, mem:test, SA, null, 0",
        "JDBC:PostgreSQL://h:notaport/x, null, postgresql, x, null, h, 0",
        "jdbc:postgresql://[::1]:5432/x, null, postgresql, x, null, [::1], 5432",
      })
  void parse_readsTypeInstanceUserHostAndPort(
      String url,
      String metadataUser,
      String type,
      String instance,
      String user,
      String host,
      int port) {
    assertThat(DbInfo.parse(url, metadataUser))
        .isEqualTo(new DbInfo(type, instance, user, host, port));
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {"null", "''", "not-a-jdbc-url", "jdbc:", "jdbc::x"})
  void parse_unknownForUrlsItCannotRead(String url) {
    assertThat(DbInfo.parse(url, null)).isEqualTo(DbInfo.UNKNOWN);
    assertThat(DbInfo.parse(url, "app").user()).isEqualTo("app");
  }
}
