package dev.tracehouse.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehouse.query.analytics.Analytics;
import dev.tracehouse.query.analytics.AnalyticsRequest;
import dev.tracehouse.query.analytics.AnalyticsResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Analytics over the six fixture spans of the spec (S1..S6, starting 1..6 ms after {@link
 * Fixtures#T0}; durations 250 ms, 80 ms, 1.5 s, 2 ms, 45 µs, 3 s), once on the in-memory store and
 * once on DuckDB, with the values worked out by hand.
 */
class AnalyticsTest extends BothStores {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long T0_MS = Fixtures.T0 / 1_000_000;
  private static final Clock CLOCK =
      Clock.fixed(Instant.ofEpochMilli(T0_MS + 1000), ZoneOffset.UTC);

  /** Runs {@code body} (JSON, single quotes for double) with the window T0..T0+1 s by default. */
  static AnalyticsResult run(String store, String body) {
    try {
      Object request = JSON.readValue(body.replace('\'', '"'), Object.class);
      return Analytics.run(AnalyticsRequest.parse(request, CLOCK), stores.get(store).reader());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** The groups as {@code value=c0} lines, children indented, for compact assertions. */
  static List<String> lines(List<AnalyticsResult.Group> groups) {
    List<String> lines = new ArrayList<>();
    lines(groups, "", lines);
    return lines;
  }

  private static void lines(List<AnalyticsResult.Group> groups, String indent, List<String> out) {
    for (AnalyticsResult.Group g : groups) {
      out.add(indent + g.value() + "=" + g.computes().get("c0"));
      lines(g.groups(), indent + "  ", out);
    }
  }

  private static final String WINDOW = "'filter':{'from':'now-1s','to':'now'}";

  @ParameterizedTest
  @ValueSource(strings = {"memory", "duckdb"})
  void countByService_tiesByValueAscending(String store) {
    AnalyticsResult r = run(store, "{" + WINDOW + ",'group_by':[{'facet':'service'}]}");

    assertThat(r.total()).isEqualTo(Map.of("c0", 6.0));
    assertThat(lines(r.groups()))
        .containsExactly("web-store=3.0", "auth-mongo=1.0", "payment-api=1.0", "payment-db=1.0");
    assertThat(r.interval()).isNull();
    assertThat(r.times()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "duckdb"})
  void topList_pc99OfDurationByResource(String store) {
    AnalyticsResult r =
        run(
            store,
            "{"
                + WINDOW
                + ",'compute':[{'aggregation':'pc99','metric':'@duration'}],"
                + "'group_by':[{'facet':'resource_name','limit':2}]}");

    assertThat(lines(r.groups())).containsExactly("GET /checkout=3.0E9", "POST /charge=1.5E9");
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "duckdb"})
  void nested_topOfEachLevelWithSubtotals(String store) {
    AnalyticsResult r =
        run(
            store,
            "{"
                + WINDOW
                + ",'group_by':[{'facet':'service','limit':1},{'facet':'env','limit':1},"
                + "{'facet':'status'}]}");

    assertThat(lines(r.groups())).containsExactly("web-store=3.0", "  prod=2.0", "    error=2.0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "duckdb"})
  void missing_groupsSpansWithoutTheFacet(String store) {
    AnalyticsResult with =
        run(store, "{" + WINDOW + ",'group_by':[{'facet':'kube_deployment','missing':'none'}]}");
    AnalyticsResult without =
        run(store, "{" + WINDOW + ",'group_by':[{'facet':'kube_deployment'}]}");

    assertThat(lines(with.groups())).containsExactly("none=5.0", "canary=1.0");
    assertThat(lines(without.groups())).containsExactly("canary=1.0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "duckdb"})
  void measures_onANumericAttributeFromMetaAndMetrics(String store) {
    AnalyticsResult r =
        run(
            store,
            "{"
                + WINDOW
                + ",'compute':["
                + "{'aggregation':'sum','metric':'@http.status_code'},"
                + "{'aggregation':'min','metric':'@http.status_code'},"
                + "{'aggregation':'max','metric':'@http.status_code'},"
                + "{'aggregation':'avg','metric':'@http.status_code'},"
                + "{'aggregation':'median','metric':'@http.status_code'},"
                + "{'aggregation':'pc75','metric':'@http.status_code'},"
                + "{'aggregation':'cardinality','metric':'@http.status_code'},"
                + "{'aggregation':'cardinality','metric':'service'},"
                + "{'aggregation':'count'}]}");

    assertThat(r.total())
        .containsExactly(
            Map.entry("c0", 1607.0),
            Map.entry("c1", 200.0),
            Map.entry("c2", 503.0),
            Map.entry("c3", 401.75),
            Map.entry("c4", 404.0),
            Map.entry("c5", 500.0),
            Map.entry("c6", 4.0),
            Map.entry("c7", 4.0),
            Map.entry("c8", 6.0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "duckdb"})
  void groupByNumber_textOfMetricsAndMeta(String store) {
    AnalyticsResult r =
        run(
            store,
            "{" + WINDOW + ",'group_by':[{'facet':'@http.status_code','sort':{'order':'asc'}}]}");

    assertThat(lines(r.groups())).containsExactly("200=1.0", "404=1.0", "500=1.0", "503=1.0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "duckdb"})
  void timeseries_alignedBucketsWithEmptyOnesFilled(String store) {
    AnalyticsResult r =
        run(
            store,
            "{'filter':{'from':"
                + T0_MS
                + ",'to':"
                + (T0_MS + 10)
                + "},'compute':[{'aggregation':'count','type':'timeseries','interval':'2ms'},"
                + "{'aggregation':'max','metric':'@duration','type':'timeseries','interval':2},"
                + "{'aggregation':'count'}]}");

    assertThat(r.interval()).isEqualTo(2L);
    assertThat(r.times()).containsExactly(T0_MS, T0_MS + 2, T0_MS + 4, T0_MS + 6, T0_MS + 8);
    assertThat(r.total().get("c0")).isEqualTo(Arrays.asList(1.0, 2.0, 2.0, 1.0, 0.0));
    assertThat(r.total().get("c1")).isEqualTo(Arrays.asList(2.5e8, 1.5e9, 2e6, 3e9, null));
    assertThat(r.total().get("c2")).isEqualTo(6.0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "duckdb"})
  void sort_ascendingAndByAnotherMeasure(String store) {
    AnalyticsResult asc =
        run(
            store,
            "{" + WINDOW + ",'group_by':[{'facet':'service','limit':2,'sort':{'order':'asc'}}]}");
    AnalyticsResult byMax =
        run(
            store,
            "{"
                + WINDOW
                + ",'group_by':[{'facet':'service',"
                + "'sort':{'aggregation':'max','metric':'@duration','order':'desc'}}]}");

    assertThat(lines(asc.groups())).containsExactly("auth-mongo=1.0", "payment-api=1.0");
    assertThat(lines(byMax.groups()))
        .containsExactly("web-store=3.0", "payment-api=1.0", "payment-db=1.0", "auth-mongo=1.0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "duckdb"})
  void filter_usesTheSearchLanguage(String store) {
    AnalyticsResult r =
        run(store, "{'filter':{'query':'env:prod @duration:>100ms','from':'now-1s'}}");

    assertThat(r.total()).isEqualTo(Map.of("c0", 3.0));
    assertThat(r.groups()).isEmpty();
  }
}
