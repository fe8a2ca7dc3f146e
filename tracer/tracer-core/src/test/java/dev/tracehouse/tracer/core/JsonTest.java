package dev.tracehouse.tracer.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

  @Test
  void parse_readsNestedValues() {
    Object value =
        Json.parse(
            " [ {\"service\": \"caf\\u00e9\", \"rate\": 0.5, \"on\": true, \"off\": false,"
                + " \"none\": null, \"tags\": {\"a\\\"b\": \"\\n\"}}, [], {} ] ");

    assertThat(value).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(3);
    List<?> items = (List<?>) value;
    assertThat(items.get(0))
        .asInstanceOf(InstanceOfAssertFactories.MAP)
        .containsExactly(
            entry("service", "café"),
            entry("rate", 0.5),
            entry("on", true),
            entry("off", false),
            entry("none", null),
            entry("tags", Map.of("a\"b", "\n")));
    assertThat(items.get(1)).isEqualTo(List.of());
    assertThat(items.get(2)).isEqualTo(Map.of());
  }

  @Test
  void parse_readsNumbersAsDoubles() {
    assertThat(Json.parse("-1.5e2")).isEqualTo(-150.0);
    assertThat(Json.parse("1")).isEqualTo(1.0);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "[",
        "[1,]",
        "{\"a\" 1}",
        "{a: 1}",
        "\"open",
        "tru",
        "[1] 2",
        "\"\\x\"",
        "1.2.3",
        "\"\\u12\""
      })
  void parse_rejectsMalformedTextWithAnOffset(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Json.parse(text))
        .withMessageContaining("at offset");
  }
}
