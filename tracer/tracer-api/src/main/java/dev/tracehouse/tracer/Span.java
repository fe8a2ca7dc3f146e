package dev.tracehouse.tracer;

/**
 * A unit of work. Setters return {@code this} and never throw; {@link #close()} finishes the span
 * and restores the span that was active before it.
 */
public interface Span extends AutoCloseable {

  Span setTag(String key, String value);

  Span setTag(String key, Number value);

  Span setTag(String key, boolean value);

  Span setResource(String resource);

  Span setService(String service);

  Span setType(String type);

  /** Marks the span as failed: error=1 plus the tags error.type, error.message and error.stack. */
  Span setError(Throwable error);

  /** Finishes the span and restores the previously active span. Idempotent; never throws. */
  @Override
  void close();
}
