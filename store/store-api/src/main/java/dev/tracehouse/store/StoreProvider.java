package dev.tracehouse.store;

import java.util.List;
import java.util.ServiceLoader;

/**
 * Creates stores of one kind. Providers are listed in {@code
 * META-INF/services/dev.tracehouse.store.StoreProvider}.
 */
public interface StoreProvider {

  /** The value of {@code store.type} that selects this provider: "memory", "duckdb", … */
  String name();

  /** Creates a store. Connects lazily or fails fast with a message naming the bad setting. */
  SpanStore create(StoreConfig config);

  /**
   * The provider named {@code name} among those on the class path.
   *
   * @throws IllegalArgumentException naming the unknown type and the known ones
   */
  static StoreProvider named(String name) {
    List<StoreProvider> all =
        ServiceLoader.load(StoreProvider.class).stream().map(ServiceLoader.Provider::get).toList();
    return all.stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "store.type: unknown store '"
                        + name
                        + "', known: "
                        + all.stream().map(StoreProvider::name).sorted().toList()));
  }
}
