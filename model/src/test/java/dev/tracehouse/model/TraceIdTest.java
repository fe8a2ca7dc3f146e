package dev.tracehouse.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TraceIdTest {

  @Test
  void parse_readsFullHexAsHighAndLow() {
    TraceId id = TraceId.parse("6b0701ae000000005cfc84fdbc4366a9");
    assertThat(id.high()).isEqualTo(0x6b0701ae00000000L);
    assertThat(id.lowDecimal()).isEqualTo("6700376570940581545");
    assertThat(id.toHex()).isEqualTo("6b0701ae000000005cfc84fdbc4366a9");
  }

  @Test
  void parse_readsShortHexAsLowHalf() {
    assertThat(TraceId.parse("ff")).isEqualTo(TraceId.ofLow(255));
    assertThat(TraceId.ofLow(-1).toHex()).isEqualTo("0000000000000000ffffffffffffffff");
  }

  @Test
  void parse_rejectsGarbageNamingIt() {
    assertThatThrownBy(() -> TraceId.parse("xyz"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'xyz'");
    assertThatThrownBy(() -> TraceId.parse("0".repeat(20)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TraceId.parse("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void compareTo_ordersUnsigned() {
    assertThat(TraceId.ofLow(-1)).isGreaterThan(TraceId.ofLow(1));
  }
}
