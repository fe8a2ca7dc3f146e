package dev.tracehouse.intake.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.intake.Fixtures;
import dev.tracehouse.intake.MalformedPayloadException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds 100,000+ random and mutated bodies to the stats decoder: whatever the input, it decodes or
 * throws {@link MalformedPayloadException} with an offset inside the body, never anything else.
 */
class DatadogStatsV06DecoderPropertyTest {
  private static final long SEED = 0x57a7_5006L;
  private static final int[] INTERESTING = {
    0xc0, 0xc1, 0xc2, 0xc4, 0xcf, 0xd3, 0xdb, 0xdc, 0xdd, 0xde, 0xdf, 0x7f, 0x80, 0xff, 0x90, 0xa0
  };

  private final DatadogStatsV06Decoder decoder = new DatadogStatsV06Decoder();
  private final Random random = new Random(SEED);

  @Test
  void decode_randomBytes_onlyMalformedPayloadException() {
    for (int i = 0; i < 30_000; i++) {
      byte[] body = new byte[random.nextInt(64)];
      random.nextBytes(body);
      if (body.length > 0 && random.nextBoolean()) {
        body[0] = (byte) (0x80 | random.nextInt(16));
      }
      check(body);
    }
  }

  @Test
  void decode_mutatedFixtures_onlyMalformedPayloadException() {
    List<byte[]> fixtures =
        List.of(
            Fixtures.read(Fixtures.dir().resolve("dd-java-agent/v06-stats.msgpack")),
            Fixtures.read(Fixtures.dir().resolve("dd-trace-js/v06-stats.msgpack")));
    int decoded = 0;
    for (int i = 0; i < 70_000; i++) {
      byte[] body = mutate(fixtures.get(random.nextInt(fixtures.size())));
      decoded += check(body) ? 1 : 0;
    }
    assertThat(decoded).as("some mutations still decode").isPositive();
  }

  private byte[] mutate(byte[] original) {
    byte[] body = original.clone();
    int mutations = 1 + random.nextInt(4);
    for (int m = 0; m < mutations; m++) {
      int at = random.nextInt(body.length);
      switch (random.nextInt(4)) {
        case 0 -> body[at] = (byte) random.nextInt(256);
        case 1 -> body[at] = (byte) INTERESTING[random.nextInt(INTERESTING.length)];
        case 2 -> body = Arrays.copyOf(body, Math.max(1, at));
        default -> {
          for (int k = at; k < Math.min(body.length, at + 5); k++) {
            body[k] = (byte) 0xff;
          }
          body[at] = (byte) (random.nextBoolean() ? 0xdd : 0xc6);
        }
      }
    }
    return body;
  }

  /** Returns whether the body decoded; fails the test on any exception but the expected one. */
  private boolean check(byte[] body) {
    try {
      decoder.decode(ByteBuffer.wrap(body));
      return true;
    } catch (MalformedPayloadException e) {
      assertThat(e.offset()).isBetween(0L, (long) body.length);
      assertThat(e.getMessage()).isNotBlank();
      return false;
    } catch (RuntimeException | Error e) {
      throw new AssertionError(
          "unexpected " + e + " for body " + HexFormat.of().formatHex(body), e);
    }
  }
}
