package dev.tracehouse.store.duckdb;

import dev.tracehouse.store.Retention;
import dev.tracehouse.store.StoreConfig;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a DuckDB store, read from {@code store.duckdb.*}.
 *
 * @param path the database file
 * @param flushInterval the longest time an accepted span waits before it is committed
 * @param queueCapacity how many accepted spans may wait for the writer before writes are refused
 * @param retention the age and byte limits ({@code store.retention.*})
 * @param retentionInterval how often the writer thread enforces them
 */
record DuckDbOptions(
    Path path,
    Duration flushInterval,
    int queueCapacity,
    Retention retention,
    Duration retentionInterval) {

  static final String PATH = "path";
  static final String FLUSH_INTERVAL_MS = "flush-interval-ms";
  static final String QUEUE_CAPACITY = "queue-capacity";
  static final String DEFAULT_FILE = "tracehouse.duckdb";
  static final long DEFAULT_FLUSH_INTERVAL_MS = 1000;
  static final int DEFAULT_QUEUE_CAPACITY = 100_000;
  static final Duration RETENTION_INTERVAL = Duration.ofSeconds(10);

  DuckDbOptions {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(retention, "retention");
    positive(flushInterval, "flushInterval");
    positive(retentionInterval, "retentionInterval");
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("queueCapacity must be positive, got " + queueCapacity);
    }
  }

  /** Options with the default retention limits. */
  DuckDbOptions(Path path, Duration flushInterval, int queueCapacity) {
    this(path, flushInterval, queueCapacity, Retention.DEFAULT, RETENTION_INTERVAL);
  }

  /** Defaults for a store in {@code path}. */
  static DuckDbOptions at(Path path) {
    return new DuckDbOptions(
        path, Duration.ofMillis(DEFAULT_FLUSH_INTERVAL_MS), DEFAULT_QUEUE_CAPACITY);
  }

  /** These options with other retention limits. */
  DuckDbOptions withRetention(Retention limits, Duration interval) {
    return new DuckDbOptions(path, flushInterval, queueCapacity, limits, interval);
  }

  /**
   * Reads the options of {@code config}.
   *
   * @throws IllegalArgumentException naming the bad key and value
   */
  static DuckDbOptions from(StoreConfig config) {
    String rawPath = config.option(PATH, "");
    Path path;
    try {
      path = rawPath.isBlank() ? config.dataDir().resolve(DEFAULT_FILE) : Path.of(rawPath.trim());
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(
          key(PATH) + ": not a file path: '" + rawPath + "' (" + e.getReason() + ")", e);
    }
    long flushMs = positive(config, FLUSH_INTERVAL_MS, DEFAULT_FLUSH_INTERVAL_MS, Long.MAX_VALUE);
    long capacity = positive(config, QUEUE_CAPACITY, DEFAULT_QUEUE_CAPACITY, Integer.MAX_VALUE);
    return new DuckDbOptions(
        path, Duration.ofMillis(flushMs), (int) capacity, config.retention(), RETENTION_INTERVAL);
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
  }

  private static long positive(StoreConfig config, String key, long defaultValue, long max) {
    String raw = config.option(key, Long.toString(defaultValue));
    long value;
    try {
      value = Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      value = 0;
    }
    if (value < 1 || value > max) {
      throw new IllegalArgumentException(
          key(key) + ": expected a whole number from 1 to " + max + ", got '" + raw + "'");
    }
    return value;
  }

  private static String key(String option) {
    return "store.duckdb." + option;
  }
}
