package dev.tracehouse.intake.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecentStringsTest {
  private static final byte[] BODY =
      "cafe|cafe|taster|cafes|caf\u00e9".getBytes(StandardCharsets.UTF_8);

  private final RecentStrings recent = new RecentStrings(new StringCache(16, 64));

  @Test
  void get_sameBytesAtTheSamePlace_giveTheSameString() {
    String first = recent.get(BODY, 0, 4, RecentStrings.SERVICE);
    String second = recent.get(BODY, 5, 4, RecentStrings.SERVICE);
    assertThat(first).isEqualTo("cafe").isSameAs(second);
  }

  @Test
  void get_otherBytesAtAPlace_giveTheirOwnString() {
    assertThat(recent.get(BODY, 0, 4, RecentStrings.SERVICE)).isEqualTo("cafe");
    assertThat(recent.get(BODY, 10, 6, RecentStrings.SERVICE)).isEqualTo("taster");
    assertThat(recent.get(BODY, 17, 5, RecentStrings.SERVICE)).isEqualTo("cafes");
    assertThat(recent.get(BODY, 23, 5, RecentStrings.SERVICE)).isEqualTo("caf\u00e9");
    assertThat(recent.get(BODY, 5, 4, RecentStrings.SERVICE)).isEqualTo("cafe");
  }

  @Test
  void get_placesAreIndependent() {
    assertThat(recent.get(BODY, 0, 4, RecentStrings.metaKey(0))).isEqualTo("cafe");
    assertThat(recent.get(BODY, 10, 6, RecentStrings.metaValue(0))).isEqualTo("taster");
    assertThat(recent.get(BODY, 17, 5, RecentStrings.metricKey(0))).isEqualTo("cafes");
    assertThat(recent.get(BODY, 5, 4, RecentStrings.metaKey(0))).isEqualTo("cafe");
  }

  @Test
  void places_beyondTheTrackedEntries_areNone() {
    assertThat(RecentStrings.metaKey(15)).isNotEqualTo(RecentStrings.NONE);
    assertThat(RecentStrings.metaKey(16)).isEqualTo(RecentStrings.NONE);
    assertThat(RecentStrings.metaValue(16)).isEqualTo(RecentStrings.NONE);
    assertThat(RecentStrings.metricKey(16)).isEqualTo(RecentStrings.NONE);
    assertThat(recent.get(BODY, 10, 6, RecentStrings.NONE)).isEqualTo("taster");
  }
}
