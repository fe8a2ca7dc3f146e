package dev.tracehouse.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every contract kit shares: a fresh store per test, closed after it. A store module runs a
 * kit by extending it and implementing {@link #newStore()}.
 */
public abstract class StoreContract {

  /** The store under test, fresh for each test. */
  protected SpanStore store;

  /** A new, empty store with the capabilities the kit's javadoc asks for. */
  protected abstract SpanStore newStore();

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }
}
