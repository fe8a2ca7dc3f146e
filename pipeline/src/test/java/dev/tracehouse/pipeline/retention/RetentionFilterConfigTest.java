package dev.tracehouse.pipeline.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetentionFilterConfigTest {
  private static final String KEY = "pipeline.retention-filters";

  @Test
  void parse_readsEveryFieldAndDefaults() {
    RetentionFilters filters =
        RetentionFilterConfig.parse(
            KEY,
            List.of(
                Map.of(
                    "name", "Slow checkout",
                    "query", "service:cafe @duration:>1s",
                    "rate", "12.5%",
                    "scope", "Root",
                    "enabled", "false"),
                Map.of("name", "Errors", "query", "status:error")));

    assertThat(filters.filters().get(0))
        .extracting(
            RetentionFilter::name,
            RetentionFilter::query,
            RetentionFilter::ratePercent,
            RetentionFilter::scope,
            RetentionFilter::enabled)
        .containsExactly(
            "Slow checkout", "service:cafe @duration:>1s", 12.5, FilterScope.ROOT, false);
    assertThat(filters.filters().get(1))
        .extracting(RetentionFilter::ratePercent, RetentionFilter::scope, RetentionFilter::enabled)
        .containsExactly(100.0, FilterScope.SERVICE_ENTRY, true);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "rate    | 150   | pipeline.retention-filters[0].rate: expected a percentage from 0 to 100",
        "rate    | -1    | '-1'",
        "rate    | half  | 'half'",
        "scope   | trace | pipeline.retention-filters[0].scope: expected one of all, service-entry, root, got 'trace'",
        "enabled | yes   | pipeline.retention-filters[0].enabled: expected true or false, got 'yes'",
        "query   | ' '   | pipeline.retention-filters[0].query: expected a non-empty text",
        "name    | ' '   | pipeline.retention-filters[0].name: expected a non-empty text",
        "colour  | red   | pipeline.retention-filters[0]: unknown field 'colour'",
      })
  void parse_namesTheBadFieldAndValue(String field, String value, String message) {
    Map<String, String> entry = new java.util.HashMap<>(Map.of("name", "a", "query", "*"));
    entry.put(field, value);

    assertThatThrownBy(() -> RetentionFilterConfig.parse(KEY, List.of(entry)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void parse_aBadQueryReportsTheParsersColumn() {
    assertThatThrownBy(
            () ->
                RetentionFilterConfig.parse(
                    KEY,
                    List.of(
                        Map.of("name", "a", "query", "*"),
                        Map.of("name", "b", "query", "service:"))))
        .hasMessageStartingWith("pipeline.retention-filters[1].query: ")
        .hasMessageContaining("at column")
        .hasMessageContaining("'service:'");
  }

  @Test
  void parse_refusesTwoFiltersWithOneName() {
    assertThatThrownBy(
            () ->
                RetentionFilterConfig.parse(
                    KEY,
                    List.of(
                        Map.of("name", "same", "query", "*"),
                        Map.of("name", "same", "query", "status:error"))))
        .hasMessage(
            "pipeline.retention-filters[1].name: expected a name no other filter uses, got 'same'");
  }

  @Test
  void parse_anEmptyListIndexesNothing() {
    assertThat(RetentionFilterConfig.parse(KEY, List.of()).filters()).isEmpty();
  }
}
