package dev.tracehouse.intake;

import io.javalin.http.Context;
import java.io.IOException;

/**
 * Reads a request body for any handler of the port, answering the request itself when it cannot:
 * 415 for an unknown {@code Content-Encoding}, 413 over the limit (compressed or not), 400 for bad
 * gzip or a broken connection. Failures are counted.
 */
final class BodyReader {
  private BodyReader() {}

  /** The body, or null after an error answer was sent. */
  static byte[] readOrAnswer(Context ctx, IntakeCounters counters, long limit) {
    String encoding = ctx.header("Content-Encoding");
    if (!BoundedBody.isSupported(encoding)) {
      counters.rejected();
      JsonResponses.error(
          ctx, 415, "unsupported content encoding '" + encoding + "': send identity or gzip");
      return null;
    }
    try {
      return BoundedBody.read(ctx.req(), limit);
    } catch (BoundedBody.TooLargeException e) {
      counters.rejected();
      JsonResponses.error(ctx, 413, e.getMessage());
    } catch (BoundedBody.BadEncodingException e) {
      counters.malformed();
      JsonResponses.error(ctx, 400, e.getMessage());
    } catch (IOException | RuntimeException e) {
      JsonResponses.error(ctx, 400, "could not read the request body: " + e.getMessage());
    }
    return null;
  }
}
