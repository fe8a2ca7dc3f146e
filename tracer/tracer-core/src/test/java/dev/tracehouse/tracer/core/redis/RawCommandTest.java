package dev.tracehouse.tracer.core.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawCommandTest {

  private static List<byte[]> parts(String... parts) {
    List<byte[]> raw = new ArrayList<>();
    for (String part : parts) {
      raw.add(part.getBytes(StandardCharsets.UTF_8));
    }
    return raw;
  }

  @Test
  void format_joinsThePartsWithSpaces() {
    assertThat(RawCommand.format(parts("SET", "beer", "ipa"))).isEqualTo("SET beer ipa");
    assertThat(RawCommand.format(parts("PING"))).isEqualTo("PING");
  }

  @Test
  void format_cutsLongPartsAndLongCommands() {
    String longValue = "x".repeat(RawCommand.MAX_PART + 1);
    assertThat(RawCommand.format(parts("SET", "k", longValue)))
        .isEqualTo("SET k " + "x".repeat(RawCommand.MAX_PART) + "...");

    List<byte[]> many = parts("MGET");
    for (int i = 0; i < 1000; i++) {
      many.addAll(parts("key" + i));
    }
    String text = RawCommand.format(many);
    assertThat(text).startsWith("MGET key0 key1 ").endsWith(" ...");
    assertThat(text.length()).isLessThanOrEqualTo(RawCommand.MAX_LENGTH + 4);
  }
}
