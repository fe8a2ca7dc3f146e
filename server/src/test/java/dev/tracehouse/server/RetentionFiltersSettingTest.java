package dev.tracehouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracehouse.pipeline.retention.FilterScope;
import dev.tracehouse.pipeline.retention.RetentionFilter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionFiltersSettingTest {

  @TempDir Path dir;

  @Test
  void read_defaultsToErrorsThenEverythingElse() {
    assertThat(RetentionFiltersSetting.read(Settings.load(null, Map.of())).filters())
        .extracting(RetentionFilter::name)
        .containsExactly("Error Default", "Index Everything Else");
  }

  @Test
  void read_takesAYamlListFromTheConfigFile() throws IOException {
    Path yaml = dir.resolve("tracehouse.yaml");
    Files.writeString(
        yaml,
        """
        pipeline:
          retention-filters:
            - name: Error Default
              query: status:error
              rate: 100%
            - name: Slow checkout
              query: "service:cafe @duration:>2s"
              rate: 50
              scope: root
              enabled: false
        """);

    assertThat(RetentionFiltersSetting.read(Settings.load(yaml, Map.of())).filters())
        .extracting(RetentionFilter::name, RetentionFilter::scope, RetentionFilter::enabled)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Error Default", FilterScope.SERVICE_ENTRY, true),
            org.assertj.core.groups.Tuple.tuple("Slow checkout", FilterScope.ROOT, false));
  }

  @Test
  void read_takesJsonFromTheEnvironment() {
    Settings settings =
        Settings.load(
            null,
            Map.of(
                "PIPELINE_RETENTION_FILTERS",
                "[{\"name\": \"All\", \"query\": \"*\", \"rate\": 10, \"scope\": \"all\"}]"));

    assertThat(RetentionFiltersSetting.read(settings).filters())
        .singleElement()
        .extracting(RetentionFilter::ratePercent)
        .isEqualTo(10.0);
  }

  @Test
  void read_namesTheKeyWhenTheValueIsNotAList() {
    Settings settings = Settings.load(null, Map.of("PIPELINE_RETENTION_FILTERS", "errors only"));

    assertThatThrownBy(() -> RetentionFiltersSetting.read(settings))
        .hasMessage(
            "setting pipeline.retention-filters (env PIPELINE_RETENTION_FILTERS) must be a list"
                + " of filters, got 'errors only'");
  }

  @Test
  void read_namesTheEntryAndFieldOfABadValue() {
    Settings nested =
        Settings.load(
            null, Map.of("PIPELINE_RETENTION_FILTERS", "[{name: a, query: '*', rate: [1, 2]}]"));
    Settings badQuery =
        Settings.load(
            null, Map.of("PIPELINE_RETENTION_FILTERS", "[{name: a, query: 'status:error AND'}]"));

    assertThatThrownBy(() -> RetentionFiltersSetting.read(nested))
        .hasMessage("pipeline.retention-filters[0].rate: expected a single value, got '[1,2]'");
    assertThatThrownBy(() -> RetentionFiltersSetting.read(badQuery))
        .hasMessageStartingWith("pipeline.retention-filters[0].query: ")
        .hasMessageContaining("at column");
  }
}
