package dev.tracehouse.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every invalid field of an analytics body is refused with a message that starts with its path. */
class AnalyticsRequestTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);

  private static AnalyticsRequest parse(String body) throws Exception {
    return AnalyticsRequest.parse(JSON.readValue(body.replace('\'', '"'), Object.class), CLOCK);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "[]                                                            | body: expected an object",
        "{'filters':{}}                                                | filters: unknown field",
        "{'filter':[]}                                                 | filter: expected an object",
        "{'filter':{'query':'service:'}}                               | filter.query: expected value after ':' at column 8",
        "{'filter':{'query':3}}                                        | filter.query: expected a string",
        "{'filter':{'from':'yesterday'}}                               | filter.from: expected epoch milliseconds",
        "{'filter':{'from':'now','to':'now-1h'}}                       | filter.from (",
        "{'compute':{}}                                                | compute: expected an array",
        "{'compute':[{}]}                                              | compute[0].aggregation: missing",
        "{'compute':[{'aggregation':'p95'}]}                           | compute[0].aggregation: unknown 'p95'",
        "{'compute':[{'aggregation':'count','metric':'@duration'}]}    | compute[0].metric: count takes no metric",
        "{'compute':[{'aggregation':'avg'}]}                           | compute[0].metric: missing",
        "{'compute':[{'aggregation':'avg','metric':'service'}]}        | compute[0].metric: 'service' is not a measure",
        "{'compute':[{'aggregation':'avg','metric':'@a b'}]}           | compute[0].metric: '@a b' is not a field name",
        "{'compute':[{'aggregation':'avg','metric':'@dur*'}]}          | compute[0].metric: '@dur*' is not a field name",
        "{'compute':[{'aggregation':'cardinality','metric':'trace_id'}]} | compute[0].metric: 'trace_id' cannot be grouped",
        "{'compute':[{'aggregation':'count','type':'line'}]}           | compute[0].type: expected total or timeseries",
        "{'compute':[{'aggregation':'count','interval':'5m'}]}         | compute[0].interval: only for type timeseries",
        "{'compute':[{'aggregation':'count','type':'timeseries','interval':'fast'}]} | compute[0].interval:",
        "{'compute':[{'aggregation':'count','type':'timeseries','interval':'1us'}]}  | compute[0].interval: must be a whole number of milliseconds",
        "{'compute':[{'aggregation':'count','type':'timeseries','interval':'100ms'}]} | compute[0].interval: an interval of 100 ms cuts the window into 9000 buckets",
        "{'compute':[{'aggregation':'count','type':'timeseries','interval':0}]}      | compute[0].interval: must be at least 1 ms",
        "{'compute':[{'aggregation':'count','type':'timeseries','interval':'1m'},{'aggregation':'count','type':'timeseries','interval':'5m'}]} | compute[1].interval: differs from compute[0].interval",
        "{'group_by':[{}]}                                             | group_by[0].facet: missing",
        "{'group_by':[{'facet':'service','limit':0}]}                  | group_by[0].limit: must be between 1 and 1000, got 0",
        "{'group_by':[{'facet':'service','limit':1001}]}               | group_by[0].limit: must be between 1 and 1000",
        "{'group_by':[{'facet':'service','limit':'ten'}]}              | group_by[0].limit: expected a whole number",
        "{'group_by':[{'facet':'service','sort':{'order':'up'}}]}      | group_by[0].sort.order: expected asc or desc",
        "{'group_by':[{'facet':'service','sort':{'metric':'@duration'}}]} | group_by[0].sort.metric: needs sort.aggregation",
        "{'group_by':[{'facet':'service','missing':true}]}             | group_by[0].missing: expected a string",
        "{'group_by':[{'facet':'service','having':1}]}                 | group_by[0].having: unknown field",
        "{'group_by':[{'facet':'a'},{'facet':'b'},{'facet':'c'},{'facet':'d'},{'facet':'e'}]} | group_by: at most 4 facets, got 5",
      })
  void parse_refusesNamingTheField(String body, String message) {
    assertThatThrownBy(() -> parse(body))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message.strip());
  }

  @Test
  void parse_autoIntervalIsTheSmallestGivingAtMost150Buckets() throws Exception {
    AnalyticsRequest quarter = parse("{'compute':[{'aggregation':'count','type':'timeseries'}]}");
    AnalyticsRequest day =
        parse(
            "{'filter':{'from':'now-1d'},'compute':[{'aggregation':'count','type':'timeseries'}]}");

    assertThat(quarter.intervalMs()).hasValue(10_000); // 90 buckets; 5 s would give 180
    assertThat(day.intervalMs()).hasValue(600_000); // 144 buckets
  }

  @Test
  void parse_defaultsToCountTotalsAndLimit10OrderedByTheFirstCompute() throws Exception {
    AnalyticsRequest r =
        parse(
            "{'compute':[{'aggregation':'pc50','metric':'@duration'}],"
                + "'group_by':[{'facet':'service','missing':404}]}");

    assertThat(r.computes()).hasSize(1);
    assertThat(r.computes().get(0).aggregate().statistic()).isEqualTo(Statistic.MEDIAN);
    assertThat(r.groupBy().get(0).limit()).isEqualTo(10);
    assertThat(r.groupBy().get(0).descending()).isTrue();
    assertThat(r.groupBy().get(0).sort()).isEqualTo(r.computes().get(0).aggregate());
    assertThat(r.groupBy().get(0).missing()).hasValue("404");
    assertThat(r.intervalMs()).isEmpty();
    assertThat(parse("{}").computes().get(0).aggregate()).isEqualTo(SpanAggregate.COUNT);
  }

  @ParameterizedTest
  @CsvSource({
    "500.0, 500",
    "-0.0, 0",
    "0.25, 0.25",
    "-1.5, -1.5",
    "0.0000004, 0",
    "-0.0000004, -0",
    "1e15, 1.000000e+15",
    "1e300, 1.000000e+300",
    "123456789.123456789, 123456789.123457"
  })
  void numberText_isTheGroupTextOfNumbers(double value, String text) {
    assertThat(Field.numberText(value)).isEqualTo(text);
  }
}
