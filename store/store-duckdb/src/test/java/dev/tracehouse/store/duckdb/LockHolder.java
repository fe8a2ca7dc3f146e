package dev.tracehouse.store.duckdb;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Run in a child JVM by {@link DuckDbSpanStoreFileTest}: opens the DuckDB file given as argument,
 * prints {@code locked}, and keeps it open until its standard input closes.
 */
public final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + args[0])) {
      System.out.println("locked");
      System.out.flush();
      while (System.in.read() != -1) {
        // wait for the parent to close our input
      }
    }
  }
}
