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
 * Feeds random and mutated bytes to the decoder: whatever the input, it either decodes or throws
 * {@link MalformedPayloadException} with an offset inside the body, never anything else.
 */
class DatadogV04DecoderPropertyTest {
  private static final long SEED = 0x7ace_4005eL;
  private static final int[] INTERESTING = {
    0xc0, 0xc1, 0xc2, 0xcf, 0xd3, 0xdb, 0xdc, 0xdd, 0xde, 0xdf, 0x7f, 0x80, 0xff, 0x90, 0xa0
  };

  private final DatadogV04Decoder decoder = new DatadogV04Decoder();
  private final Random random = new Random(SEED);

  @Test
  void decode_randomBytes_onlyMalformedPayloadException() {
    for (int i = 0; i < 2000; i++) {
      byte[] body = new byte[random.nextInt(64)];
      random.nextBytes(body);
      if (body.length > 0 && random.nextBoolean()) {
        body[0] = (byte) (0x90 | random.nextInt(16));
      }
      check(body);
    }
  }

  @Test
  void decode_mutatedFixtures_onlyMalformedPayloadException() {
    List<byte[]> fixtures = Fixtures.v04Payloads().stream().map(Fixtures::read).toList();
    int decoded = 0;
    for (int i = 0; i < 3000; i++) {
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
          body[at] = (byte) (random.nextBoolean() ? 0xdd : 0xdb);
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
      throw new AssertionError("unexpected " + e + " for body " + hex(body), e);
    }
  }

  private static String hex(byte[] body) {
    return HexFormat.of().formatHex(body, 0, Math.min(body.length, 256));
  }
}
