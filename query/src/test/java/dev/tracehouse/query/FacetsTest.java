package dev.tracehouse.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.query.analytics.FacetResult;
import dev.tracehouse.query.analytics.Facets;
import dev.tracehouse.query.time.TimeRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The facets of the spec's fixture spans, on the in-memory store and on DuckDB (where the histogram
 * bins are computed in SQL): durations 45 µs, 2 ms, 80 ms, 250 ms, 1.5 s, 3 s.
 */
class FacetsTest extends BothStores {

  private static final long T0_MS = Fixtures.T0 / 1_000_000;
  private static final TimeRange WINDOW = new TimeRange(T0_MS, T0_MS + 1000);

  @ParameterizedTest
  @ValueSource(strings = {"memory", "duckdb"})
  void facets_topValuesOfAReservedField(String store) {
    FacetResult r =
        Facets.run(stores.get(store).reader(), SearchFilters.spans(""), WINDOW, "service", 2);

    assertThat(r.values())
        .containsExactly(
            new FacetResult.Value("web-store", 3), new FacetResult.Value("auth-mongo", 1));
    assertThat(r.measure()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "duckdb"})
  void facets_rangeAndTenBinsOfDuration(String store) {
    FacetResult r =
        Facets.run(stores.get(store).reader(), SearchFilters.spans(""), WINDOW, "@duration", 10);

    assertThat(r.measure().min()).isEqualTo(45_000.0);
    assertThat(r.measure().max()).isEqualTo(3e9);
    assertThat(r.measure().histogram())
        .extracting(FacetResult.Bin::count)
        .containsExactly(4L, 0L, 0L, 0L, 1L, 0L, 0L, 0L, 0L, 1L);
    assertThat(r.values()).hasSize(6);
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "duckdb"})
  void facets_oneBinWhenEveryValueIsEqualAndNoneWithoutValues(String store) {
    FacetResult one =
        Facets.run(
            stores.get(store).reader(),
            SearchFilters.spans("resource_name:\"GET /cart\""),
            WINDOW,
            "@duration",
            10);
    FacetResult none =
        Facets.run(stores.get(store).reader(), SearchFilters.spans(""), WINDOW, "@absent", 10);

    assertThat(one.measure().histogram()).containsExactly(new FacetResult.Bin(8e7, 8e7, 1));
    assertThat(none.measure()).isNull();
    assertThat(none.values()).isEmpty();
  }
}
