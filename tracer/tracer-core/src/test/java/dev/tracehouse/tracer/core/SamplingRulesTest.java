package dev.tracehouse.tracer.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamplingRulesTest {

  private final List<String> problems = new ArrayList<>();

  private List<SamplingRule> parse(String json) {
    return SamplingRules.parse(json, "DD_TRACE_SAMPLING_RULES", problems::add);
  }

  @Test
  void parse_readsEveryField() {
    List<SamplingRule> rules =
        parse(
            "[{\"service\": \"cafe\", \"name\": \"web.*\", \"resource\": \"GET /health*\","
                + " \"tags\": {\"http.status_code\": \"2??\"}, \"sample_rate\": 0.25},"
                + " {\"sample_rate\": \"0.5\"}, {}]");

    assertThat(rules)
        .containsExactly(
            new SamplingRule(
                "cafe", "web.*", "GET /health*", Map.of("http.status_code", "2??"), 0.25),
            new SamplingRule(null, null, null, Map.of(), 0.5),
            new SamplingRule(null, null, null, Map.of(), 1));
    assertThat(problems).isEmpty();
  }

  @Test
  void parse_skipsInvalidRulesAndReportsEachWithItsIndex() {
    List<SamplingRule> rules =
        parse(
            "[{\"sample_rate\": 1.5}, {\"service\": 3}, {\"sample_rate\": \"half\"},"
                + " {\"tags\": [\"x\"]}, \"rule\", {\"service\": \"kept\", \"sample_rate\": 0}]");

    assertThat(rules).containsExactly(new SamplingRule("kept", null, null, Map.of(), 0));
    assertThat(problems).hasSize(5);
    assertThat(problems.get(0)).contains("#0", "DD_TRACE_SAMPLING_RULES", "1.5");
    assertThat(problems.get(1)).contains("#1", "service");
    assertThat(problems.get(2)).contains("#2", "'half'");
    assertThat(problems.get(3)).contains("#3", "tags");
    assertThat(problems.get(4)).contains("#4");
  }

  @Test
  void parse_dropsAllRulesWhenTheTextIsNotAJsonArray() {
    assertThat(parse("[{\"sample_rate\": 1}")).isEmpty();
    assertThat(parse("{\"sample_rate\": 1}")).isEmpty();

    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).contains("DD_TRACE_SAMPLING_RULES", "not JSON", "offset");
    assertThat(problems.get(1)).contains("expected a JSON array");
  }
}
