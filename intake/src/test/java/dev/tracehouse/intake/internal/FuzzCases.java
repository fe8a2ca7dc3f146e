package dev.tracehouse.intake.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Test inputs for fuzzing decoders: mutations of valid payloads and random bytes. */
public final class FuzzCases {
  private static final byte[][] JSON_TOKENS =
      Arrays.stream(
              new String[] {
                "{",
                "}",
                "[",
                "]",
                ",",
                ":",
                "\"",
                "null",
                "true",
                "-1",
                "0",
                "1e999",
                "18446744073709551616",
                "\"traceId\"",
                "\"spanId\"",
                "\"ff\"",
                "\"\"",
                "\\u0000",
                "\"intValue\"",
                "\"arrayValue\"",
                "\"values\"",
                "[[[[[[[[",
                "\uD800",
                "NaN"
              })
          .map(s -> s.getBytes(StandardCharsets.UTF_8))
          .toArray(byte[][]::new);

  private FuzzCases() {}

  /** One case: a mutation of a random seed payload, or (1 in 8) random bytes. */
  public static byte[] next(Random random, List<byte[]> seeds, boolean json) {
    if (random.nextInt(8) == 0) {
      byte[] noise = new byte[random.nextInt(64)];
      random.nextBytes(noise);
      return noise;
    }
    byte[] out = seeds.get(random.nextInt(seeds.size())).clone();
    int mutations = 1 + random.nextInt(4);
    for (int m = 0; m < mutations && out.length > 0; m++) {
      out = mutate(random, out, json);
    }
    return out;
  }

  private static byte[] mutate(Random random, byte[] in, boolean json) {
    int at = random.nextInt(in.length);
    switch (random.nextInt(json ? 5 : 4)) {
      case 0 -> {
        byte[] out = in.clone();
        out[at] ^= (byte) (1 << random.nextInt(8));
        return out;
      }
      case 1 -> {
        return Arrays.copyOf(in, at);
      }
      case 2 -> {
        byte[] out = in.clone();
        out[at] = (byte) random.nextInt(256);
        return out;
      }
      case 3 -> {
        int length = Math.min(in.length - at, 1 + random.nextInt(16));
        byte[] out = new byte[in.length - length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(in, at + length, out, at, in.length - at - length);
        return out;
      }
      default -> {
        byte[] token = JSON_TOKENS[random.nextInt(JSON_TOKENS.length)];
        byte[] out = new byte[in.length + token.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(token, 0, out, at, token.length);
        System.arraycopy(in, at, out, at + token.length, in.length - at);
        return out;
      }
    }
  }
}
