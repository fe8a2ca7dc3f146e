package dev.tracehouse.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Settings a {@link StoreProvider} reads.
 *
 * @param type the provider name ({@code store.type})
 * @param dataDir the directory where embedded stores keep their files
 * @param options store-specific settings keyed by property name without the {@code store.<type>.}
 *     prefix (for example {@code path} for {@code store.duckdb.path})
 * @param retention how long and how much to keep ({@code store.retention.*}), for stores that
 *     enforce it
 */
public record StoreConfig(
    String type, Path dataDir, Map<String, String> options, Retention retention) {

  public StoreConfig {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(dataDir, "dataDir");
    options = Map.copyOf(options);
    Objects.requireNonNull(retention, "retention");
  }

  /** Settings with the default retention. */
  public StoreConfig(String type, Path dataDir, Map<String, String> options) {
    this(type, dataDir, options, Retention.DEFAULT);
  }

  public String option(String key, String defaultValue) {
    return options.getOrDefault(key, defaultValue);
  }
}
