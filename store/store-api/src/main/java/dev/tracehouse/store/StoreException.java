package dev.tracehouse.store;

/** A store failed; the vendor exception, if any, is the cause, unwrapped and unreworded. */
public class StoreException extends RuntimeException {
  private final boolean overCapacity;

  public StoreException(String message, Throwable cause) {
    this(message, cause, false);
  }

  private StoreException(String message, Throwable cause, boolean overCapacity) {
    super(message, cause);
    this.overCapacity = overCapacity;
  }

  /** The store cannot take more right now; the caller may answer 429/503 and retry later. */
  public static StoreException overCapacity(String message) {
    return new StoreException(message, null, true);
  }

  public boolean isOverCapacity() {
    return overCapacity;
  }
}
