package dev.tracehouse.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogEventTest {

  @Test
  void builder_defaultsToEmptyValues() {
    LogEvent log = LogEvent.builder().timestamp(5).build();

    assertThat(log.service()).isEmpty();
    assertThat(log.message()).isEmpty();
    assertThat(log.tags()).isEmpty();
    assertThat(log.attributes()).isEmpty();
    assertThat(log.traceId()).isEmpty();
    assertThat(log.spanId()).isZero();
  }

  @Test
  void tags_areLowerCased() {
    LogEvent log = LogEvent.builder().addTag("Env:PROD").addTag("Raw_Tag").build();

    assertThat(log.tags()).containsExactly("env:prod", "raw_tag");
  }

  @Test
  void attributes_areCopiedDeeplyWithCanonicalNumbers() {
    Map<String, Object> http = new HashMap<>();
    http.put("status_code", 401);
    List<Object> names = new ArrayList<>(List.of("Peter", "Ann"));
    LogEvent log =
        LogEvent.builder()
            .putAttribute("http", http)
            .putAttribute("users", Map.of("names", names))
            .putAttribute("ratio", new BigDecimal("0.5"))
            .putAttribute("gone", null)
            .build();
    http.put("status_code", 500);
    names.add("Eve");

    assertThat(log.attributes().get("http")).isEqualTo(Map.of("status_code", 401L));
    assertThat(log.attributes().get("users")).isEqualTo(Map.of("names", List.of("Peter", "Ann")));
    assertThat(log.attributes().get("ratio")).isEqualTo(0.5);
    assertThat(log.attributes()).containsEntry("gone", null);
    assertThatThrownBy(() -> log.attributes().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void attributes_rejectUnsupportedTypesNamingThePath() {
    assertThatThrownBy(
            () ->
                LogEvent.builder()
                    .putAttribute("a", Map.of("b", List.of("x", new Object())))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attributes.a.b[1]");
  }

  @Test
  void attributes_rejectNonFiniteNumbers() {
    assertThatThrownBy(() -> LogEvent.builder().putAttribute("d", Double.NaN).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attributes.d");
  }

  @Test
  void traceId_isKept() {
    LogEvent log = LogEvent.builder().traceId(TraceId.ofLow(7)).spanId(9).build();

    assertThat(log.traceId()).isEqualTo(Optional.of(TraceId.ofLow(7)));
    assertThat(log.spanId()).isEqualTo(9);
  }
}
