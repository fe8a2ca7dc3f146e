package dev.tracehouse.bench.payload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

/**
 * dd-java-agent's captured {@code /v0.4/traces} body ({@code
 * shared/fixtures/dd-java-agent/v04-traces.msgpack}, copied into the jar by the build) with its
 * chunks repeated into a payload of a realistic size: a new outer array header, then the captured
 * bytes of every chunk, unchanged, {@code copies} times over. Unlike {@link V04Payload}, no span's
 * tag map repeats the previous span's.
 *
 * @param bytes the payload
 * @param chunks the traces in it
 * @param spans the spans in it
 */
public record CapturedV04Payload(byte[] bytes, int chunks, int spans) {
  private static final String RESOURCE = "/fixtures/dd-java-agent/v04-traces.msgpack";

  /** The captured chunks {@code copies} times over (1..10,000). */
  public static CapturedV04Payload repeat(int copies) {
    if (copies < 1 || copies > 10_000) {
      throw new IllegalArgumentException("copies must be 1..10000, got " + copies);
    }
    byte[] capture = capture();
    try (MessageUnpacker in = MessagePack.newDefaultUnpacker(capture)) {
      int chunks = in.unpackArrayHeader();
      int chunksStart = (int) in.getTotalReadBytes();
      int spans = 0;
      for (int c = 0; c < chunks; c++) {
        int count = in.unpackArrayHeader();
        for (int s = 0; s < count; s++) {
          in.skipValue();
        }
        spans += count;
      }
      int chunksEnd = (int) in.getTotalReadBytes();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int total = chunks * copies;
      out.write(0xdd);
      out.write(total >>> 24);
      out.write(total >>> 16);
      out.write(total >>> 8);
      out.write(total);
      for (int i = 0; i < copies; i++) {
        out.write(capture, chunksStart, chunksEnd - chunksStart);
      }
      return new CapturedV04Payload(out.toByteArray(), total, spans * copies);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] capture() {
    try (InputStream in = CapturedV04Payload.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
