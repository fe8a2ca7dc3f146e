package dev.tracehouse.intake;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body up to a size limit, with {@code Content-Length} or chunked, without ever
 * buffering more than the limit plus one byte.
 */
final class BoundedBody {

  /** The body is larger than the limit. */
  static final class TooLargeException extends Exception {
    private static final long serialVersionUID = 1L;

    TooLargeException(String message) {
      super(message);
    }
  }

  private BoundedBody() {}

  static byte[] read(HttpServletRequest request, long limit) throws TooLargeException, IOException {
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      throw tooLarge("Content-Length " + declared, limit);
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(Math.toIntExact(limit + 1));
      if (body.length > limit) {
        throw tooLarge("the body", limit);
      }
      return body;
    }
  }

  private static TooLargeException tooLarge(String what, long limit) {
    return new TooLargeException(
        what + " exceeds the limit of " + limit + " bytes (intake.max-payload-bytes)");
  }
}
