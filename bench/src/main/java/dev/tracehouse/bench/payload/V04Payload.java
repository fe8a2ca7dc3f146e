package dev.tracehouse.bench.payload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

/**
 * A realistic Datadog v0.4 msgpack payload: chunks of spans shaped like dd-java-agent's (12 keys, 6
 * meta, 3 metrics, 128-bit trace ids on the chunk root), shared by the decode benchmark and the
 * intake load generator.
 *
 * <p>Every trace, span and parent id (except a root's parent 0) and every start time is encoded in
 * its 9-byte form (a type byte, then 8 bytes big-endian) so that {@link #withIds} can give a copy
 * new ids and start times in place without re-encoding.
 *
 * @param bytes the encoded payload
 * @param idOffsets where the 8 value bytes of each non-zero id start
 * @param startOffsets where the 8 value bytes of each span's {@code start} start
 * @param spans the number of spans in the payload
 */
public record V04Payload(byte[] bytes, int[] idOffsets, int[] startOffsets, int spans) {

  /** The first trace id; its low byte is 0 so that {@link #withIds} masks never collide. */
  private static final long TRACE_ID_BASE = 0x5cfc84fdbc436600L;

  private static final long START_NANOS = 1_795_621_294_907_897_916L;

  /**
   * Builds a payload.
   *
   * @param chunks traces in the payload, at most 256
   * @param spansPerChunk spans per trace
   * @param distinct whether every span gets its own {@code http.url} and {@code thread.id}
   * @param samplingPriority the chunks' {@code _sampling_priority_v1} (1 auto keep, 2 user keep)
   */
  public static V04Payload build(
      int chunks, int spansPerChunk, boolean distinct, int samplingPriority) {
    if (chunks < 1 || chunks > 256 || spansPerChunk < 1) {
      throw new IllegalArgumentException(
          "chunks must be 1..256 and spansPerChunk >= 1, got " + chunks + ", " + spansPerChunk);
    }
    List<Integer> ids = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
      p.packArrayHeader(chunks);
      for (int c = 0; c < chunks; c++) {
        long traceId = TRACE_ID_BASE + c;
        p.packArrayHeader(spansPerChunk);
        for (int s = 0; s < spansPerChunk; s++) {
          boolean root = s == 0;
          p.packMapHeader(12);
          p.packString("service").packString(s % 2 == 0 ? "cafe" : "taster");
          p.packString("name").packString(root ? "web.request" : "http.request");
          p.packString("resource").packString("GET /pair/beer");
          ids.add(offset(p.packString("trace_id")));
          p.packLong(traceId);
          ids.add(offset(p.packString("span_id")));
          p.packLong(traceId * 31 + s + 1);
          p.packString("parent_id");
          if (root) {
            p.packLong(0);
          } else {
            ids.add(offset(p));
            p.packLong(traceId * 31 + 1);
          }
          starts.add(offset(p.packString("start")));
          p.packLong(START_NANOS + s * 1000L);
          p.packString("duration").packLong(4_396_684L + s);
          p.packString("error").packInt(s == 7 ? 1 : 0);
          p.packString("type").packString(root ? "web" : "http");
          p.packString("meta").packMapHeader(root ? 6 : 5);
          p.packString("env").packString("workshop");
          p.packString("version").packString("1.2.3");
          p.packString("component").packString("java-http-client");
          p.packString("span.kind").packString(root ? "server" : "client");
          int n = c * spansPerChunk + s;
          p.packString("http.url")
              .packString("http://127.0.0.1:5001/taste" + (distinct ? "?order=" + n : ""));
          if (root) {
            p.packString("_dd.p.tid").packString("6b0701ae00000000");
          }
          p.packString("metrics").packMapHeader(3);
          p.packString("_sampling_priority_v1").packInt(samplingPriority);
          p.packString("_dd.measured").packInt(1);
          p.packString("thread.id").packDouble(distinct ? 100 + n : 42);
        }
      }
      V04Payload payload =
          new V04Payload(p.toByteArray(), toArray(ids), toArray(starts), chunks * spansPerChunk);
      payload.checkNineByteEncoding();
      return payload;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes this payload into {@code target} (same length) with every id XORed with {@code seq << 8}
   * (so payloads with different {@code seq} share no trace id, and parent links are kept) and every
   * start shifted to {@code startNanos}.
   */
  public void withIds(byte[] target, long seq, long startNanos) {
    System.arraycopy(bytes, 0, target, 0, bytes.length);
    long mask = seq << 8;
    for (int at : idOffsets) {
      putLong(target, at, getLong(target, at) ^ mask);
    }
    long shift = startNanos - START_NANOS;
    for (int at : startOffsets) {
      putLong(target, at, getLong(target, at) + shift);
    }
  }

  private void checkNineByteEncoding() {
    for (int[] offsets : new int[][] {idOffsets, startOffsets}) {
      for (int at : offsets) {
        int type = bytes[at - 1] & 0xff;
        if (type != 0xcf && type != 0xd3) {
          throw new IllegalStateException("value at " + at + " is not a 64-bit integer: " + type);
        }
      }
    }
  }

  /** The offset of the next value's 8 bytes, after its type byte. */
  private static int offset(MessagePacker p) {
    return (int) p.getTotalWrittenBytes() + 1;
  }

  private static int[] toArray(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }

  private static long getLong(byte[] b, int at) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[at + i] & 0xff);
    }
    return v;
  }

  private static void putLong(byte[] b, int at, long v) {
    for (int i = 7; i >= 0; i--) {
      b[at + i] = (byte) v;
      v >>>= 8;
    }
  }
}
