package dev.tracehouse.tracer.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

class V05EncoderTest {

  private static final long EPOCH_NANOS = 1_795_621_294_907_897_916L;
  private static final Path DD_JAVA_AGENT =
      Path.of(System.getProperty("shared.dir", "../../../shared"), "fixtures/dd-java-agent");

  private final InMemoryWriter writer = new InMemoryWriter();
  private final FakeTime time = new FakeTime(EPOCH_NANOS);
  private final CoreTracer tracer =
      new CoreTracer(
          new TracerConfig("cafe", "workshop", "1.2.3", "localhost", 8126), writer, time);

  /**
   * Two chunks shaped like the fixture's: a remote-parented root (trace id above 2^63) with a
   * measured child and a client span, and an error trace whose span has no type.
   */
  private List<List<CoreSpan>> cafeTraces() {
    CoreSpan order =
        tracer.startActive("cafe.order", new SpanContext(0x6b0701c4L, -2L, 5, 1, "-1"));
    order.setResource("POST /order").setType("web");
    time.advance(1_000);
    tracer.trace("cafe.brew").setResource("brew").setTag("coffee.cups", 2).close();
    tracer
        .trace("http.request")
        .setResource("GET /menu")
        .setType("http")
        .setTag("span.kind", "client")
        .setTag("unicode", "ïpa ☕")
        .setTag("error.stack", "x".repeat(70_000))
        .close();
    time.advance(1_906_220_488L);
    order.close();
    CoreSpan refund = tracer.trace("cafe.refund");
    refund.setErrorFlag(true).setTag("error.type", "java.lang.IllegalStateException").close();
    return writer.writtenChunks();
  }

  private static byte[] v05(List<List<CoreSpan>> chunks) {
    MsgPackOutput out = new MsgPackOutput();
    new V05Encoder().encode(chunks, out);
    return out.toByteArray();
  }

  @Test
  void encode_carriesExactlyTheSpansOfV04() {
    List<List<CoreSpan>> chunks = cafeTraces();

    List<List<SpanData>> decoded = SpanData.decodeV05(v05(chunks));

    assertThat(decoded).isEqualTo(SpanData.decode(InMemoryWriter.encode(chunks)));
    SpanData root = decoded.get(0).get(0);
    assertThat(root.name()).isEqualTo("cafe.order");
    assertThat(Long.toUnsignedString(root.traceId())).isEqualTo("18446744073709551614");
    assertThat(root.meta()).containsEntry("_dd.p.tid", "000000006b0701c4");
    assertThat(decoded.get(1).get(0).type()).isNull();
    assertThat(decoded.get(1).get(0).error()).isEqualTo(1);
  }

  @Test
  void encode_storesEveryStringOnceAndReusesTheEncoder() throws IOException {
    List<List<CoreSpan>> chunks = cafeTraces();
    V05Encoder encoder = new V05Encoder();
    MsgPackOutput first = new MsgPackOutput();
    encoder.encode(chunks, first);
    MsgPackOutput second = new MsgPackOutput();
    encoder.encode(chunks, second);

    assertThat(second.toByteArray()).isEqualTo(first.toByteArray());
    try (MessageUnpacker in = MessagePack.newDefaultUnpacker(first.toByteArray())) {
      in.unpackArrayHeader();
      List<String> table = new ArrayList<>();
      for (int n = in.unpackArrayHeader(); n > 0; n--) {
        table.add(in.unpackString());
      }
      assertThat(table).doesNotHaveDuplicates().contains("cafe", "", "jvm", "workshop", "1.2.3");
    }
  }

  @Test
  void encode_writesEmptyPayloadAsEmptyTableAndNoChunks() {
    assertThat(v05(List.of())).containsExactly(0x92, 0x90, 0x90);
  }

  /**
   * Golden shape: every position dd-java-agent's v0.5 capture has, we write, with the same kind of
   * msgpack value (string, integer, float, array, map); we may use other widths of the same kind.
   */
  @Test
  void encode_hasTheShapeOfDdJavaAgentsV05Payload() throws IOException {
    Map<String, Set<String>> fixture = fixtureKinds();

    Map<String, Set<String>> ours = kinds(v05(cafeTraces()));

    assertThat(ours.keySet()).isEqualTo(fixture.keySet());
    ours.forEach((path, kinds) -> assertThat(fixture.get(path)).as(path).containsAll(kinds));
  }

  /** The decoder used above reads the real capture as the fixture's resolved view shows it. */
  @Test
  void decodeV05_readsDdJavaAgentsCaptureLikeItsResolvedView() throws IOException {
    List<List<SpanData>> chunks =
        SpanData.decodeV05(Files.readAllBytes(DD_JAVA_AGENT.resolve("v05-traces.msgpack")));
    Map<?, ?> resolved =
        (Map<?, ?>) Json.parse(Files.readString(DD_JAVA_AGENT.resolve("v05-traces.resolved.json")));
    List<?> traces = (List<?>) resolved.get("traces");

    assertThat(chunks).hasSameSizeAs(traces);
    for (int c = 0; c < chunks.size(); c++) {
      List<?> expectedChunk = (List<?>) traces.get(c);
      assertThat(chunks.get(c)).hasSameSizeAs(expectedChunk);
      for (int s = 0; s < expectedChunk.size(); s++) {
        Map<?, ?> expected = (Map<?, ?>) expectedChunk.get(s);
        SpanData span = chunks.get(c).get(s);
        assertThat(span.name()).isEqualTo(expected.get("name"));
        assertThat(span.resource()).isEqualTo(expected.get("resource"));
        assertThat(span.meta()).isEqualTo(expected.get("meta"));
        assertThat(span.metrics()).isEqualTo(expected.get("metrics"));
        assertThat(span.error()).isEqualTo(((Double) expected.get("error")).intValue());
      }
    }
  }

  /** The fixture's {@code .types.json}, each msgpack format replaced by its kind of value. */
  private static Map<String, Set<String>> fixtureKinds() throws IOException {
    Map<?, ?> types =
        (Map<?, ?>) Json.parse(Files.readString(DD_JAVA_AGENT.resolve("v05-traces.types.json")));
    Map<String, Set<String>> kinds = new TreeMap<>();
    types.forEach(
        (path, formats) -> {
          Set<String> set = new TreeSet<>();
          for (Object format : (List<?>) formats) {
            set.add(kind(MessageFormat.valueOf((String) format)));
          }
          kinds.put((String) path, set);
        });
    return kinds;
  }

  /** Our payload's kinds of value per position, in the fixture's path notation. */
  private static Map<String, Set<String>> kinds(byte[] body) throws IOException {
    Map<String, Set<String>> kinds = new TreeMap<>();
    try (MessageUnpacker in = MessagePack.newDefaultUnpacker(body)) {
      walk(in, "$", kinds);
    }
    return kinds;
  }

  /**
   * Records the value at {@code path} and what it contains: array elements as {@code [i]} at the
   * top two levels and in a span ({@code $[1][*][*][N]}), {@code [*]} elsewhere; map values as
   * {@code .*} (keys are not recorded, as in the fixture).
   */
  private static void walk(MessageUnpacker in, String path, Map<String, Set<String>> kinds)
      throws IOException {
    MessageFormat format = in.getNextFormat();
    kinds.computeIfAbsent(path, p -> new TreeSet<>()).add(kind(format));
    switch (format.getValueType()) {
      case ARRAY -> {
        int size = in.unpackArrayHeader();
        boolean positional = path.equals("$") || path.equals("$[1][*][*]");
        for (int i = 0; i < size; i++) {
          walk(in, path + (positional ? "[" + i + "]" : "[*]"), kinds);
        }
      }
      case MAP -> {
        int size = in.unpackMapHeader();
        for (int i = 0; i < size; i++) {
          in.skipValue();
          walk(in, path + ".*", kinds);
        }
      }
      default -> in.skipValue();
    }
  }

  private static String kind(MessageFormat format) {
    return format.getValueType().name();
  }
}
