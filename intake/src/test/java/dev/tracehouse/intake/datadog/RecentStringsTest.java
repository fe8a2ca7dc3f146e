package dev.tracehouse.intake.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecentStringsTest {
  private static final byte[] BODY =
      "cafe|cafe|taster|cafes|caf\u00e9|tea".getBytes(StandardCharsets.UTF_8);

  /** One slot in the shared cache: a string it gives twice was not replaced by another. */
  private final RecentStrings recent = new RecentStrings(new StringCache(1, 64));

  @Test
  void get_sameBytesInTheSameContext_giveTheSameString() {
    String first = recent.get(BODY, 0, 4, RecentStrings.SERVICE);
    String second = recent.get(BODY, 5, 4, RecentStrings.SERVICE);
    assertThat(first).isEqualTo("cafe").isSameAs(second);
  }

  @Test
  void get_otherBytesInAContext_giveTheirOwnString() {
    assertThat(recent.get(BODY, 0, 4, RecentStrings.SERVICE)).isEqualTo("cafe");
    assertThat(recent.get(BODY, 10, 6, RecentStrings.SERVICE)).isEqualTo("taster");
    assertThat(recent.get(BODY, 17, 5, RecentStrings.SERVICE)).isEqualTo("cafes");
    assertThat(recent.get(BODY, 23, 5, RecentStrings.SERVICE)).isEqualTo("caf\u00e9");
    assertThat(recent.get(BODY, 5, 4, RecentStrings.SERVICE)).isEqualTo("cafe");
  }

  @Test
  void get_fourValuesInAContext_keepTheirStringsWithoutTheSharedCache() {
    String cafe = recent.get(BODY, 0, 4, RecentStrings.SERVICE);
    String taster = recent.get(BODY, 10, 6, RecentStrings.SERVICE);
    String cafes = recent.get(BODY, 17, 5, RecentStrings.SERVICE);
    String accented = recent.get(BODY, 23, 5, RecentStrings.SERVICE);

    assertThat(recent.get(BODY, 5, 4, RecentStrings.SERVICE)).isSameAs(cafe);
    assertThat(recent.get(BODY, 10, 6, RecentStrings.SERVICE)).isSameAs(taster);
    assertThat(recent.get(BODY, 17, 5, RecentStrings.SERVICE)).isSameAs(cafes);
    assertThat(recent.get(BODY, 23, 5, RecentStrings.SERVICE)).isSameAs(accented);
    assertThat(recent.get(BODY, 29, 3, RecentStrings.SERVICE)).isEqualTo("tea");
    assertThat(recent.get(BODY, 0, 4, RecentStrings.SERVICE)).isNotSameAs(cafe).isEqualTo("cafe");
  }

  @Test
  void get_keepsAValuePerKeyWhateverTheOrderOfTheKeys() {
    String env = recent.get(BODY, 0, 4, RecentStrings.metaValueOf("env"));
    String version = recent.get(BODY, 10, 6, RecentStrings.metaValueOf("version"));
    String kind = recent.get(BODY, 17, 5, RecentStrings.metaValueOf("span.kind"));

    assertThat(recent.get(BODY, 17, 5, RecentStrings.metaValueOf("span.kind"))).isSameAs(kind);
    assertThat(recent.get(BODY, 5, 4, RecentStrings.metaValueOf("env"))).isSameAs(env);
    assertThat(recent.get(BODY, 10, 6, RecentStrings.metaValueOf("version"))).isSameAs(version);
  }

  @Test
  void contexts_ofKeysAndValuesDiffer() {
    assertThat(RecentStrings.metaKeyAfter(null))
        .isNotEqualTo(RecentStrings.metricKeyAfter(null))
        .isNotEqualTo(RecentStrings.metaKeyAfter("env"));
    assertThat(RecentStrings.metaKeyAfter("env"))
        .isNotEqualTo(RecentStrings.metaValueOf("env"))
        .isNotEqualTo(RecentStrings.metricKeyAfter("env"));
  }

  @Test
  void get_withoutContext_asksTheSharedCache() {
    recent.get(BODY, 10, 6);
    String shared = recent.get(BODY, 10, 6);
    assertThat(shared).isEqualTo("taster").isSameAs(recent.get(BODY, 10, 6));
  }
}
