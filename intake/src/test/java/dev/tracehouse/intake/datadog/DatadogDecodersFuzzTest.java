package dev.tracehouse.intake.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehouse.intake.Fixtures;
import dev.tracehouse.intake.MalformedPayloadException;
import dev.tracehouse.intake.SpanDecoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

/**
 * Feeds 100,000 random and mutated bodies (fixed seeds) to each Datadog trace decoder: whatever the
 * input, it decodes or throws {@link MalformedPayloadException} with an offset inside the body,
 * never anything else. Headers claiming huge sizes are among the mutations, so a decoder that
 * allocated by them would fail with OutOfMemoryError; the timeout only catches a hang.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DatadogDecodersFuzzTest {
  private static final int RANDOM_CASES = 40_000;
  private static final int MUTATED_CASES = 60_000;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
  private static final String[] JSON_TOKENS = {
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "null",
    "true",
    "false",
    "0",
    "-1",
    "1.5e3",
    "1e999",
    "18446744073709551615",
    "18446744073709551616",
    "\"span_id\"",
    "\"trace_id\"",
    "\"meta\"",
    "\"metrics\"",
    "\"span_links\"",
    "\"span_events\"",
    "\"start\"",
    "\"error\"",
    "\"\\u0000\"",
    "\"x\"",
    " ",
    "\"type\"",
    "\"attributes\"",
    "\"time_unix_nano\""
  };

  @Test
  void v04_randomAndMutatedBodies_onlyMalformedPayloadException() {
    Fuzzer fuzzer = new Fuzzer(new DatadogV04Decoder(), 0x7ace_4005eL);
    fuzzer.randomMsgpack(0x90);
    assertThat(fuzzer.mutate(withChunks(Fixtures.v04Payloads(), false)))
        .as("mutations that decode")
        .isPositive();
  }

  @Test
  void v05_randomAndMutatedBodies_onlyMalformedPayloadException() {
    Fuzzer fuzzer = new Fuzzer(new DatadogV05Decoder(), 0x7ace_5005eL);
    fuzzer.randomMsgpack(0x92);
    assertThat(fuzzer.mutate(withChunks(Fixtures.v05Payloads(), true)))
        .as("mutations that decode")
        .isPositive();
  }

  @Test
  void json_randomAndMutatedBodies_onlyMalformedPayloadException() {
    Fuzzer fuzzer = new Fuzzer(new DatadogJsonDecoder(), 0x7ace_1505eL);
    fuzzer.randomJson();
    List<byte[]> seeds = new ArrayList<>();
    for (Path payload : Fixtures.v04Payloads()) {
      JsonNode chunks = readJson(Fixtures.sibling(payload, ".decoded.json"));
      seeds.add(chunks.toString().getBytes(StandardCharsets.UTF_8));
      chunks.forEach(c -> seeds.add(("[" + c + "]").getBytes(StandardCharsets.UTF_8)));
    }
    assertThat(fuzzer.mutate(seeds)).as("mutations that decode").isPositive();
  }

  /**
   * The captured payloads, and each of their chunks as a payload of its own (smaller seeds make
   * more mutations per second). For v0.5 the string table is kept in front of each chunk.
   */
  private static List<byte[]> withChunks(List<Path> payloads, boolean stringTable) {
    List<byte[]> seeds = new ArrayList<>();
    for (Path payload : payloads) {
      byte[] bytes = Fixtures.read(payload);
      seeds.add(bytes);
      try (MessageUnpacker in = MessagePack.newDefaultUnpacker(bytes)) {
        byte[] prefix = new byte[0];
        if (stringTable) {
          in.unpackArrayHeader();
          int start = (int) in.getTotalReadBytes();
          in.skipValue();
          ByteArrayOutputStream table = new ByteArrayOutputStream();
          table.write(0x92);
          table.write(bytes, start, (int) in.getTotalReadBytes() - start);
          prefix = table.toByteArray();
        }
        int chunks = in.unpackArrayHeader();
        for (int c = 0; c < chunks; c++) {
          int start = (int) in.getTotalReadBytes();
          in.skipValue();
          ByteArrayOutputStream seed = new ByteArrayOutputStream();
          seed.writeBytes(prefix);
          seed.write(0x91);
          seed.write(bytes, start, (int) in.getTotalReadBytes() - start);
          seeds.add(seed.toByteArray());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return seeds;
  }

  private static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One decoder, one seeded random source. */
  private static final class Fuzzer {
    private static final int[] INTERESTING = {
      0xc0, 0xc1, 0xc2, 0xcf, 0xd3, 0xdb, 0xdc, 0xdd, 0xde, 0xdf, 0x7f, 0x80, 0xff, 0x90, 0xa0, '[',
      ']', '{', '}', '"', ',', ':', '-', '9', 'e', '\\'
    };

    private final SpanDecoder decoder;
    private final Random random;

    Fuzzer(SpanDecoder decoder, long seed) {
      this.decoder = decoder;
      this.random = new Random(seed);
    }

    void randomMsgpack(int arrayHeader) {
      for (int i = 0; i < RANDOM_CASES; i++) {
        byte[] body = new byte[random.nextInt(96)];
        random.nextBytes(body);
        if (body.length > 0 && random.nextBoolean()) {
          body[0] = (byte) (arrayHeader | (random.nextBoolean() ? 0 : random.nextInt(4)));
        }
        check(body);
      }
    }

    void randomJson() {
      for (int i = 0; i < RANDOM_CASES; i++) {
        StringBuilder text = new StringBuilder(random.nextBoolean() ? "[[{" : "");
        int tokens = random.nextInt(40);
        for (int t = 0; t < tokens; t++) {
          text.append(JSON_TOKENS[random.nextInt(JSON_TOKENS.length)]);
        }
        check(text.toString().getBytes(StandardCharsets.UTF_8));
      }
    }

    /** Returns how many mutated bodies still decoded. */
    int mutate(List<byte[]> seeds) {
      int decoded = 0;
      for (int i = 0; i < MUTATED_CASES; i++) {
        decoded += check(mutation(seeds.get(random.nextInt(seeds.size())))) ? 1 : 0;
      }
      return decoded;
    }

    private byte[] mutation(byte[] original) {
      byte[] body = original.clone();
      int mutations = 1 + random.nextInt(4);
      for (int m = 0; m < mutations && body.length > 0; m++) {
        int at = random.nextInt(body.length);
        switch (random.nextInt(5)) {
          case 0 -> body[at] = (byte) random.nextInt(256);
          case 1 -> body[at] = (byte) INTERESTING[random.nextInt(INTERESTING.length)];
          case 2 -> body = Arrays.copyOf(body, Math.max(1, at));
          case 3 -> {
            for (int k = at; k < Math.min(body.length, at + 5); k++) {
              body[k] = (byte) 0xff;
            }
            body[at] = (byte) (random.nextBoolean() ? 0xdd : 0xdb);
          }
          default -> {
            int from = random.nextInt(body.length);
            int length = Math.min(random.nextInt(32), body.length - Math.max(from, at));
            System.arraycopy(body, from, body, at, Math.max(0, length));
          }
        }
      }
      return body;
    }

    /** Whether the body decoded; fails the test on any exception but the expected one. */
    private boolean check(byte[] body) {
      try {
        decoder.decode(ByteBuffer.wrap(body));
        return true;
      } catch (MalformedPayloadException e) {
        if (e.offset() < 0 || e.offset() > body.length || e.getMessage().isBlank()) {
          throw new AssertionError("bad offset/message " + e + " for " + hex(body), e);
        }
        return false;
      } catch (RuntimeException | Error e) {
        throw new AssertionError("unexpected " + e + " for body " + hex(body), e);
      }
    }

    private static String hex(byte[] body) {
      return HexFormat.of().formatHex(body, 0, Math.min(body.length, 256));
    }
  }
}
