package dev.tracehouse.intake.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Not API: reads a request body within a size limit, undoing {@code Content-Encoding: gzip}. The
 * limit applies to the bytes received and again to the decompressed bytes, so a small gzip bomb
 * never expands past the limit plus one byte.
 */
public final class RequestBody {

  /** Why a body could not be read; {@link #status()} is the HTTP status to answer. */
  public static final class RejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;

    RejectedException(int status, String message) {
      super(message);
      this.status = status;
    }

    /** 400 (unreadable), 413 (too large) or 415 (unknown content encoding). */
    public int status() {
      return status;
    }
  }

  private RequestBody() {}

  /**
   * @param limitKey the configuration key of the limit, named in the 413 message
   */
  public static byte[] read(HttpServletRequest request, long limit, String limitKey)
      throws RejectedException {
    String encoding = encoding(request.getHeader("Content-Encoding"));
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      throw tooLarge("Content-Length " + declared, limit, limitKey);
    }
    byte[] raw;
    try (InputStream in = request.getInputStream()) {
      raw = readAtMost(in, limit, "the body", limitKey);
    } catch (IOException e) {
      throw new RejectedException(400, "could not read the request body: " + e.getMessage());
    }
    if (encoding.equals("identity")) {
      return raw;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
      return readAtMost(in, limit, "the decompressed body", limitKey);
    } catch (IOException e) {
      throw new RejectedException(400, "the body is not valid gzip: " + e.getMessage());
    }
  }

  private static String encoding(String header) throws RejectedException {
    if (header == null || header.isBlank()) {
      return "identity";
    }
    String value = header.trim().toLowerCase(Locale.ROOT);
    if (value.equals("identity") || value.equals("gzip") || value.equals("x-gzip")) {
      return value.equals("identity") ? value : "gzip";
    }
    throw new RejectedException(
        415, "unsupported Content-Encoding '" + header + "': send gzip or identity");
  }

  private static byte[] readAtMost(InputStream in, long limit, String what, String limitKey)
      throws IOException, RejectedException {
    byte[] body = in.readNBytes(Math.toIntExact(limit + 1));
    if (body.length > limit) {
      throw tooLarge(what, limit, limitKey);
    }
    return body;
  }

  private static RejectedException tooLarge(String what, long limit, String limitKey) {
    return new RejectedException(
        413, what + " exceeds the limit of " + limit + " bytes (" + limitKey + ")");
  }
}
