package dev.tracehouse.intake.datadog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StringCacheTest {
  private final StringCache cache = new StringCache(16, 32);

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void get_returnsTheSameInstanceForBytesSeenTwiceBefore() {
    byte[] first = utf8("xx_dd.p.tid");
    byte[] second = utf8("_dd.p.tid!");

    String once = cache.get(first, 2, 9);
    String twice = cache.get(second, 0, 9);

    assertThat(once).isEqualTo("_dd.p.tid").isNotSameAs(twice);
    assertThat(cache.get(first, 2, 9)).isSameAs(twice);
    assertThat(cache.get(second, 0, 9)).isSameAs(twice);
  }

  @Test
  void get_admitsNothingForBytesSeenOnce() {
    StringCache oneSlot = new StringCache(1, 32);
    String env = utf8Twice(oneSlot, "env");
    for (int i = 0; i < 10; i++) {
      byte[] once = utf8("/order/" + i);
      oneSlot.get(once, 0, once.length);
    }

    assertThat(oneSlot.get(utf8("env"), 0, 3)).isSameAs(env);
  }

  private static String utf8Twice(StringCache cache, String text) {
    byte[] bytes = utf8(text);
    cache.get(bytes, 0, bytes.length);
    return cache.get(bytes, 0, bytes.length);
  }

  @Test
  void get_decodesEveryLengthAndNonAsciiText() {
    for (String text :
        new String[] {"", "a", "env", "cafe", "service", "_dd.measured", "caf\u00e9 \u2615"}) {
      byte[] bytes = utf8(text);

      assertThat(cache.get(bytes, 0, bytes.length)).isEqualTo(text);
      assertThat(cache.get(bytes, 0, bytes.length)).as("second read").isEqualTo(text);
    }
  }

  @Test
  void get_replacesInvalidUtf8LikeTheStringConstructor() {
    byte[] bytes = {'a', (byte) 0xff, 'b'};

    assertThat(cache.get(bytes, 0, 3)).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
  }

  @Test
  void get_neverMixesUpStringsThatShareSlots() {
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 200; i++) {
        String text = "http.url." + i + ".suffix";
        byte[] bytes = utf8(text);

        assertThat(cache.get(bytes, 0, bytes.length)).isEqualTo(text);
      }
    }
  }

  @Test
  void get_decodesStringsOverTheLimitWithoutCachingThem() {
    byte[] bytes = utf8("x".repeat(33));

    String a = cache.get(bytes, 0, bytes.length);

    assertThat(a).isEqualTo("x".repeat(33)).isNotSameAs(cache.get(bytes, 0, bytes.length));
  }

  @Test
  void create_rejectsSlotCountThatIsNotAPowerOfTwo() {
    assertThatThrownBy(() -> new StringCache(12, 8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("12");
  }

  @Test
  void equal_comparesRangesOfEveryLengthAndFindsADifferenceAtEveryByte() {
    for (int length = 0; length <= 20; length++) {
      byte[] a = new byte[length + 3];
      byte[] b = new byte[length + 5];
      for (int i = 0; i < length; i++) {
        a[3 + i] = (byte) ('a' + i);
        b[1 + i] = (byte) ('a' + i);
      }
      assertThat(StringCache.equal(a, 3, b, 1, length)).as("length %d", length).isTrue();
      for (int i = 0; i < length; i++) {
        b[1 + i]++;
        assertThat(StringCache.equal(a, 3, b, 1, length))
            .as("length %d, byte %d", length, i)
            .isFalse();
        b[1 + i]--;
      }
    }
  }
}
