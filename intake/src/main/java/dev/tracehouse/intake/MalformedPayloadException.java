package dev.tracehouse.intake;

/**
 * A request body that does not follow its wire format. The message names what was wrong; {@link
 * #offset()} is the byte offset in the body where decoding stopped.
 */
public final class MalformedPayloadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long offset;

  public MalformedPayloadException(String message, long offset) {
    this(message, offset, null);
  }

  public MalformedPayloadException(String message, long offset, Throwable cause) {
    super(message, cause);
    this.offset = offset;
  }

  /** Byte offset in the body where the problem was found (0 = first byte). */
  public long offset() {
    return offset;
  }
}
