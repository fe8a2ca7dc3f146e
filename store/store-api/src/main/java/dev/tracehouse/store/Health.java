package dev.tracehouse.store;

/**
 * Result of a store health check.
 *
 * @param ok whether the store can serve reads and writes
 * @param detail a human-readable explanation, empty when ok
 */
public record Health(boolean ok, String detail) {
  public static final Health OK = new Health(true, "");

  public static Health failing(String detail) {
    return new Health(false, detail);
  }
}
