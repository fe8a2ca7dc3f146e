package dev.tracehouse.tracer.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class AgentRatesTest {

  @Test
  void parse_looksUpServiceAndEnvCaseInsensitivelyWithFallback() {
    AgentRates rates =
        AgentRates.parse(
            "{\"rate_by_service\": {\"service:cafe,env:workshop\": 0.25,"
                + " \"service:Taster,env:\": 0.5, \"service:,env:\": 0.75}}");

    assertThat(rates.rate("CAFE", "Workshop")).isEqualTo(0.25);
    assertThat(rates.rate("taster", "")).isEqualTo(0.5);
    assertThat(rates.rate("cafe", "prod")).isEqualTo(0.75);
    assertThat(rates.fromAgent()).isTrue();
  }

  @Test
  void parse_clampsRatesSkipsOddEntriesAndDefaultsTheFallbackToOne() {
    AgentRates rates =
        AgentRates.parse(
            "{\"rate_by_service\": {\"service:a,env:\": 7, \"service:b,env:\": -1,"
                + " \"service:c,env:\": \"x\", \"nonsense\": 0.1}}");

    assertThat(rates.rate("a", "")).isEqualTo(1.0);
    assertThat(rates.rate("b", "")).isZero();
    assertThat(rates.rate("c", "")).isEqualTo(1.0);
    assertThat(rates.rate("nonsense", "")).isEqualTo(1.0);
  }

  @Test
  void parse_givesNullWithoutRateByService() {
    assertThat(AgentRates.parse("{}")).isNull();
    assertThat(AgentRates.parse("[1]")).isNull();
    assertThat(AgentRates.parse("{\"rate_by_service\": 1}")).isNull();
    assertThatIllegalArgumentException().isThrownBy(() -> AgentRates.parse("OK"));
  }

  @Test
  void default_keepsEverythingAndIsNotFromTheAgent() {
    assertThat(AgentRates.DEFAULT.rate("any", "env")).isEqualTo(1.0);
    assertThat(AgentRates.DEFAULT.fromAgent()).isFalse();
  }
}
