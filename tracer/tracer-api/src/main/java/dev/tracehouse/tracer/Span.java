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

  /**
   * Keeps the whole trace (sampling priority 2, user keep), whatever the sampler decided: in this
   * process and in the services it calls from now on. Same as the tag {@code manual.keep=true}.
   */
  Span keepTrace();

  /**
   * Drops the whole trace (sampling priority -1, user drop): it is still sent to the agent, which
   * counts it in the statistics but does not store it. Same as the tag {@code manual.drop=true}.
   */
  Span dropTrace();

  /** Finishes the span and restores the previously active span. Idempotent; never throws. */
  @Override
  void close();
}
