package dev.tracehouse.tracer.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraceEndpointTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"endpoints\": [\"/v0.4/traces\", \"/v0.5/traces\"]}          | V05",
        "{\"endpoints\": [\"v0.4/traces\", \"v0.5/traces\"]}            | V05",
        "{\"endpoints\": [\"/v0.4/traces\"], \"v0.5\": \"/v0.5/traces\"} | V04",
        "{\"endpoints\": \"/v0.5/traces\"}                              | V04",
        "{\"endpoints\": [\"/v0.5/traces/\"]}                           | V04",
        "{}                                                             | V04",
        "[\"/v0.5/traces\"]                                             | V04",
        "404 page not found                                             | V04",
        "''                                                             | V04",
        "{\"endpoints\": [\"/v0.5/traces\"                              | V04",
      })
  void fromInfo_choosesV05OnlyWhenTheEndpointsListHasIt(String info, TraceEndpoint expected) {
    assertThat(TraceEndpoint.fromInfo(info)).isEqualTo(expected);
  }
}
