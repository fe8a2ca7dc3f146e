package dev.tracehouse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracehouse.query.lang.QueryParseException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 25 conformance examples and the must-reject inputs of {@code spec/search-syntax.md} section
 * 6, through the in-memory store (the predicate) and the DuckDB store (the SQL), expecting the same
 * fixture ids from both.
 */
class ConformanceTest extends BothStores {

  static Stream<Arguments> spanExamples() {
    return onEachStore(
        Stream.of(
            Arguments.of(1, "service:web-store env:prod", "1 6"),
            Arguments.of(2, "service:web* -env:staging", "1 6"),
            Arguments.of(3, "status:error", "1 6"),
            Arguments.of(4, "@duration:>100ms", "1 3 6"),
            Arguments.of(5, "@duration:[1s TO 2s]", "3"),
            Arguments.of(6, "@duration:<50us", "5"),
            Arguments.of(7, "@http.status_code:[400 TO 499]", "3"),
            Arguments.of(8, "@http.status_code:>=500 service:web-store", "1 6"),
            Arguments.of(9, "resource_name:\"GET /checkout\"", "1 6"),
            Arguments.of(10, "resource_name:GET\\ /c*", "1 2 6"),
            Arguments.of(11, "@http.url:*user\\=JaneDoe*", "1"),
            Arguments.of(12, "(service:payment-api OR service:payment-db) env:prod", "3 4"),
            Arguments.of(13, "NOT status:error env:prod", "3 4 5"),
            Arguments.of(14, "-@http.status_code:*", "4 5"),
            Arguments.of(15, "@user.first\\ name:Jane operation_name:*.request", "6"),
            Arguments.of(
                16, "kube_deployment:canary OR service:(auth-mongo OR payment-db)", "4 5 6")));
  }

  static Stream<Arguments> logExamples() {
    return onEachStore(
        Stream.of(
            Arguments.of(17, "authentication failure", "1"),
            Arguments.of(18, "\"hello world\"", "3"),
            Arguments.of(19, "hello world", "2 3"),
            Arguments.of(20, "*NETWORK*", "4"),
            Arguments.of(21, "@my_attribute:hello\\:world", "4"),
            Arguments.of(22, "CIDR(@network.client.ip, 13.0.0.0/8)", "3"),
            Arguments.of(23, "@users.names:Peter", "5"),
            Arguments.of(24, "status:error -version:beta", "1"),
            Arguments.of(25, "env:(prod OR test) @http.status_code:>=500 \"*test*\"", "6"),
            Arguments.of(21, "@my_attribute:\"hello:world\"", "4"),
            Arguments.of(21, "@my_attribute:hello?world", "4")));
  }

  @ParameterizedTest(name = "#{0} {1} on {3}")
  @MethodSource("spanExamples")
  void spanExample(int number, String query, String expected, String store) {
    assertThat(spanIds(store, query)).isEqualTo(ids(expected));
  }

  @ParameterizedTest(name = "#{0} {1} on {3}")
  @MethodSource("logExamples")
  void logExample(int number, String query, String expected, String store) {
    assertThat(logIds(store, query)).isEqualTo(ids(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "service:                | 8",
        "(status:error           | 0",
        "@duration:>fast         | 11",
        "@http.status_code:>5ms  | 19",
        "\"unterminated          | 0",
        "@dur*:1                 | 4"
      })
  void mustReject(String query, int offset) {
    assertThatThrownBy(() -> SearchFilters.spans(query))
        .isInstanceOfSatisfying(
            QueryParseException.class, e -> assertThat(e.offset()).isEqualTo(offset));
    assertThatThrownBy(() -> SearchFilters.logs(query))
        .isInstanceOfSatisfying(
            QueryParseException.class, e -> assertThat(e.offset()).isEqualTo(offset));
  }
}
