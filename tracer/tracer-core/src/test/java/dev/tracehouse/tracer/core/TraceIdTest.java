package dev.tracehouse.tracer.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class TraceIdTest {

  @Test
  void generate_putsEpochSecondsInUpperHalfOfHigh() {
    TraceId id = TraceId.generate(0x6b0701aeL);

    assertThat(id.high()).isEqualTo(0x6b0701ae00000000L);
    assertThat(TraceId.hex(id.high())).isEqualTo("6b0701ae00000000");
    assertThat(id.low()).isNotZero();
  }

  @Test
  void highHex_padsToSixteenDigits() {
    assertThat(TraceId.hex(new TraceId(0x1fL, 5).high())).isEqualTo("000000000000001f");
  }

  @RepeatedTest(20)
  void randomNonZero_neverReturnsZero() {
    assertThat(TraceId.randomNonZero()).isNotZero();
  }
}
