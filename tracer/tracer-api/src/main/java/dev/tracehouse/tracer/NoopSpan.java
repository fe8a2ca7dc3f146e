package dev.tracehouse.tracer;

/** A span that records nothing; shared because it has no state. */
final class NoopSpan implements Span {

  static final NoopSpan INSTANCE = new NoopSpan();

  private NoopSpan() {}

  @Override
  public Span setTag(String key, String value) {
    return this;
  }

  @Override
  public Span setTag(String key, Number value) {
    return this;
  }

  @Override
  public Span setTag(String key, boolean value) {
    return this;
  }

  @Override
  public Span setResource(String resource) {
    return this;
  }

  @Override
  public Span setService(String service) {
    return this;
  }

  @Override
  public Span setType(String type) {
    return this;
  }

  @Override
  public Span setError(Throwable error) {
    return this;
  }

  @Override
  public Span keepTrace() {
    return this;
  }

  @Override
  public Span dropTrace() {
    return this;
  }

  @Override
  public void close() {}
}
