package dev.tracehouse.tracer.core.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of executions that do not pass it: the text a prepared or callable statement was created
 * with, and the texts added to a plain statement's batch. Statements are held weakly.
 */
final class StatementSql {

  /** Distinct batch texts kept per statement; more are summarised as {@code ...}. */
  static final int MAX_BATCH_TEXTS = 10;

  private static final String MORE = "...";

  private final WeakIdentityMap<String> prepared = new WeakIdentityMap<>();
  private final WeakIdentityMap<List<String>> batches = new WeakIdentityMap<>();

  void prepared(Object statement, String sql) {
    if (JdbcTypes.isStatement(statement)) {
      prepared.put(statement, sql);
    }
  }

  /** The SQL a statement was prepared with, or {@code null}. */
  String preparedSql(Object statement) {
    return prepared.get(statement);
  }

  /**
   * Adds a text to a plain statement's batch; each distinct text is kept once, at most {@link
   * #MAX_BATCH_TEXTS} of them.
   */
  void addBatch(Object statement, String sql) {
    if (sql == null || !JdbcTypes.isStatement(statement)) {
      return;
    }
    List<String> texts = batches.get(statement);
    if (texts == null) {
      texts = new ArrayList<>();
      batches.put(statement, texts);
    }
    synchronized (texts) {
      if (texts.size() < MAX_BATCH_TEXTS) {
        if (!texts.contains(sql)) {
          texts.add(sql);
        }
      } else if (!texts.contains(sql) && !texts.contains(MORE)) {
        texts.add(MORE);
      }
    }
  }

  void clearBatch(Object statement) {
    batches.remove(statement);
  }

  /**
   * Takes a plain statement's batch (executing it empties it): its distinct texts joined with
   * {@code "; "}, or {@code null} when nothing was added.
   */
  String takeBatch(Object statement) {
    List<String> texts = batches.remove(statement);
    if (texts == null) {
      return null;
    }
    synchronized (texts) {
      return texts.isEmpty() ? null : String.join("; ", texts);
    }
  }
}
