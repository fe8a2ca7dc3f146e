package dev.tracehouse.intake.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpanKeyTest {

  @ParameterizedTest
  @EnumSource(SpanKey.class)
  void match_findsEveryKeyInsideABody(SpanKey key) {
    byte[] body = bodyWith(key.wire, 5, 20);
    assertThat(SpanKey.match(body, 5, utf8(key.wire).length)).isEqualTo(key);
  }

  @ParameterizedTest
  @EnumSource(SpanKey.class)
  void match_findsEveryKeyAtTheVeryEndOfABody(SpanKey key) {
    byte[] body = bodyWith(key.wire, 3, 0);
    assertThat(SpanKey.match(body, 3, utf8(key.wire).length)).isEqualTo(key);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "nam",
        "names",
        "Name",
        "trace_ie",
        "trace_id ",
        "xrace_id",
        "span_eventz",
        "span_link",
        "metricz",
        "meta_struct",
        "_sampling_priority_v1"
      })
  void match_rejectsOtherKeys(String other) {
    byte[] inside = bodyWith(other, 2, 20);
    byte[] atEnd = bodyWith(other, 2, 0);
    int length = utf8(other).length;
    assertThat(SpanKey.match(inside, 2, length)).isNull();
    assertThat(SpanKey.match(atEnd, 2, length)).isNull();
  }

  @Test
  void match_ignoresTheBytesAroundTheKey() {
    byte[] body = bodyWith("name", 0, 12);
    Arrays.fill(body, 4, body.length, (byte) 'x');
    assertThat(SpanKey.match(body, 0, 4)).isEqualTo(SpanKey.NAME);
    assertThat(SpanKey.match(body, 0, 5)).isNull();
  }

  private static byte[] bodyWith(String key, int before, int after) {
    byte[] utf8 = utf8(key);
    byte[] body = new byte[before + utf8.length + after];
    Arrays.fill(body, (byte) 0xa5);
    System.arraycopy(utf8, 0, body, before, utf8.length);
    return body;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
