package dev.tracehouse.intake;

import jakarta.servlet.http.HttpServletRequest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reads a request body up to a size limit, with {@code Content-Length} or chunked, plain or {@code
 * Content-Encoding: gzip}, never buffering more than the limit plus one byte. For gzip the limit
 * applies both to the bytes on the wire and to the decompressed body, so a zip bomb costs at most
 * the limit in memory before it is refused.
 */
final class BoundedBody {
  private static final Set<String> GZIP = Set.of("gzip", "x-gzip");

  /** The body (compressed or decompressed) is larger than the limit. */
  static final class TooLargeException extends Exception {
    private static final long serialVersionUID = 1L;

    TooLargeException(String message) {
      super(message);
    }
  }

  /** The body is not valid gzip. */
  static final class BadEncodingException extends Exception {
    private static final long serialVersionUID = 1L;

    BadEncodingException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private BoundedBody() {}

  /** Whether a {@code Content-Encoding} header names gzip; false for none or {@code identity}. */
  static boolean isGzip(String contentEncoding) {
    return contentEncoding != null && GZIP.contains(normalise(contentEncoding));
  }

  /**
   * Whether the body can be read: no encoding, {@code identity}, {@code gzip} or {@code x-gzip}.
   */
  static boolean isSupported(String contentEncoding) {
    return contentEncoding == null
        || contentEncoding.isBlank()
        || normalise(contentEncoding).equals("identity")
        || isGzip(contentEncoding);
  }

  static byte[] read(HttpServletRequest request, long limit)
      throws TooLargeException, BadEncodingException, IOException {
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      throw tooLarge("Content-Length " + declared, limit);
    }
    try (InputStream in = request.getInputStream()) {
      if (!isGzip(request.getHeader("Content-Encoding"))) {
        return readAtMost(in, limit, "the body");
      }
      return gunzip(new CappedStream(in, limit), limit);
    }
  }

  private static byte[] gunzip(CappedStream compressed, long limit)
      throws TooLargeException, BadEncodingException {
    byte[] body;
    try (GZIPInputStream in = new GZIPInputStream(compressed)) {
      body = readAtMost(in, limit, "the decompressed body");
    } catch (IOException e) {
      if (compressed.exceeded) {
        throw tooLarge("the compressed body", limit);
      }
      throw new BadEncodingException("invalid gzip body: " + e.getMessage(), e);
    }
    if (compressed.exceeded) {
      throw tooLarge("the compressed body", limit);
    }
    return body;
  }

  private static byte[] readAtMost(InputStream in, long limit, String what)
      throws TooLargeException, IOException {
    byte[] body = in.readNBytes(Math.toIntExact(limit + 1));
    if (body.length > limit) {
      throw tooLarge(what, limit);
    }
    return body;
  }

  private static TooLargeException tooLarge(String what, long limit) {
    return new TooLargeException(
        what + " exceeds the limit of " + limit + " bytes (intake.max-payload-bytes)");
  }

  private static String normalise(String contentEncoding) {
    return contentEncoding.trim().toLowerCase(Locale.ROOT);
  }

  /** Fails once more than {@code limit} bytes were read, and remembers that it did. */
  private static final class CappedStream extends FilterInputStream {
    private final long limit;
    private long count;
    private boolean exceeded;

    CappedStream(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      counted(skipped);
      return skipped;
    }

    private void counted(long n) throws IOException {
      count += n;
      if (count > limit) {
        exceeded = true;
        throw new IOException("compressed body over the limit");
      }
    }
  }
}
