package dev.tracehouse.intake.zipkin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.intake.MalformedPayloadException;
import dev.tracehouse.intake.internal.FuzzCases;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 100,000 mutated or random bodies (fixed seed): only {@link MalformedPayloadException} escapes.
 */
class ZipkinDecoderFuzzTest {
  @Test
  void decode_fuzz_throwsOnlyMalformedPayload() {
    List<byte[]> seeds =
        List.of(
            ZipkinV2JsonDecoderTest.CLIENT_SPAN.getBytes(StandardCharsets.UTF_8),
            "[{\"traceId\":\"000000000000000a\",\"id\":\"000000000000000b\",\"tags\":{\"a\":1}}]"
                .getBytes(StandardCharsets.UTF_8));
    ZipkinV2JsonDecoder decoder = new ZipkinV2JsonDecoder();
    Random random = new Random(9411);
    int malformed = 0;
    for (int i = 0; i < 100_000; i++) {
      byte[] body = FuzzCases.next(random, seeds, true);
      try {
        decoder.decode(ByteBuffer.wrap(body));
      } catch (MalformedPayloadException e) {
        malformed++;
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError("case " + i + " escaped with " + e, e);
      }
    }
    assertThat(malformed).isGreaterThan(0);
  }
}
