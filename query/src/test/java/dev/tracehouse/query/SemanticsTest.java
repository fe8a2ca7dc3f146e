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
 * The binding decisions beyond the spec's examples (README "Semantics"), on the same fixtures and
 * both stores: ids, case rules, numeric text, aliases, tags, full text, CIDR.
 */
class SemanticsTest extends BothStores {

  static Stream<Arguments> spans() {
    return onEachStore(
        Stream.of(
            Arguments.of("trace id, decimal low half", "trace_id:3", "3"),
            Arguments.of("trace id, 128 bits", "trace_id:00000000000000770000000000000004", "4"),
            Arguments.of(
                "trace id, other high half", "trace_id:00000000000000000000000000000004", ""),
            Arguments.of("span id", "span_id:5", "5"),
            Arguments.of("host is _dd.hostname, any case", "host:WEB-1", "1 6"),
            Arguments.of("service any case", "service:WEB-STORE", "1 2 6"),
            Arguments.of("resource keeps case", "resource_name:get*", ""),
            Arguments.of("free text: resource words", "checkout", "1 6"),
            Arguments.of("free text: word sequence", "\"get /checkout\"", "1 6"),
            Arguments.of("numeric metric", "@http.status_code:500", "1"),
            Arguments.of("meta string", "@http.status_code:200", "2"),
            Arguments.of("meta numeric text", "@http.status_code:200.0", "2"),
            Arguments.of("duration equality with unit", "@duration:250ms", "1"),
            Arguments.of("absent type", "status:ok -type:*", "2 3 4 5"),
            Arguments.of("bare tag key is meta", "db.user:APP", "4"),
            Arguments.of("attribute value keeps case", "@db.user:APP", ""),
            Arguments.of("exclusive range", "@duration:{80ms TO 250ms}", ""),
            Arguments.of("mixed brackets", "@duration:[80ms TO 250ms}", "2"),
            Arguments.of("everything", "*", "1 2 3 4 5 6")));
  }

  static Stream<Arguments> logs() {
    return onEachStore(
        Stream.of(
            Arguments.of("status alias err", "status:err", "1 6"),
            Arguments.of("status alias warning", "status:warning", "3"),
            Arguments.of("status alias information", "status:information", "2 4"),
            Arguments.of("raw tag", "tags:version\\:beta", "6"),
            Arguments.of("tag key with any-case value", "env:PROD", "1 2 4 6"),
            Arguments.of("full text reaches attributes", "*:api", "2"),
            Arguments.of("full text phrase", "*:\"v1 test\"", "2"),
            Arguments.of("trace id", "trace_id:1", "1"),
            Arguments.of("trace id present", "trace_id:*", "1"),
            Arguments.of("negated CIDR", "-CIDR(@network.client.ip, 13.0.0.0/8)", "1 2 4 5 6"),
            Arguments.of("IPv6 block", "CIDR(@network.client.ip, ::ffff:13.4.0.0/112)", "3"),
            Arguments.of("open range", "@http.status_code:[500 TO *]", "6"),
            Arguments.of("log duration attribute", "@duration:>100ms", "6"),
            Arguments.of("free text words", "hello", "2 3"),
            Arguments.of("wildcard: word or whole message", "*world", "2 3"),
            Arguments.of("wildcard word", "auth*", "1"),
            Arguments.of("nothing in source", "source:*", ""),
            Arguments.of("array any element", "-@users.names:Ann", "1 2 3 4 6")));
  }

  @ParameterizedTest(name = "{0}: {1} on {3}")
  @MethodSource("spans")
  void span(String why, String query, String expected, String store) {
    assertThat(spanIds(store, query)).isEqualTo(ids(expected));
  }

  @ParameterizedTest(name = "{0}: {1} on {3}")
  @MethodSource("logs")
  void log(String why, String query, String expected, String store) {
    assertThat(logIds(store, query)).isEqualTo(ids(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "*:hello                  | 0 | only for logs",
        "CIDR(@ip, 1.0.0.0/8)     | 0 | only for logs",
        "trace_id:xyz             | 9 | trace_id: expected",
        "trace_id:12*             | 9 | not a pattern",
        "trace_id:>5              | 9 | not a pattern",
        "span_id:18446744073709551616 | 8 | span_id: expected",
      })
  void span_bindingErrorsNameTheValue(String query, int offset, String reason) {
    assertThatThrownBy(() -> SearchFilters.spans(query))
        .isInstanceOfSatisfying(
            QueryParseException.class,
            e -> {
              assertThat(e.offset()).isEqualTo(offset);
              assertThat(e.reason()).contains(reason);
            });
  }
}
