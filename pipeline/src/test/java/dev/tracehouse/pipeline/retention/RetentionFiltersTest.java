package dev.tracehouse.pipeline.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import dev.tracehouse.pipeline.sampling.RateCheck;
import dev.tracehouse.pipeline.toplevel.TopLevel;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetentionFiltersTest {

  /** A root (top-level) span of service cafe, and a child in the same service (not top-level). */
  private static List<Span> chunk(long traceLow, boolean childError) {
    Span root =
        Span.builder()
            .traceId(TraceId.ofLow(traceLow))
            .spanId(1)
            .service("cafe")
            .name("servlet.request")
            .resource("GET /order")
            .putMetric(TopLevel.TOP_LEVEL, 1)
            .build();
    Span child =
        Span.builder()
            .traceId(root.traceId())
            .spanId(2)
            .parentId(1)
            .service("cafe")
            .name("sqlite.query")
            .resource("SELECT 1")
            .error(childError)
            .build();
    return List.of(root, child);
  }

  private static List<String> index(RetentionFilters filters, List<Span> chunk) {
    return List.of(filters.values(chunk));
  }

  @Test
  void index_firstMatchingFilterDecides_laterFiltersNeverSeeTheSpan() {
    RetentionFilters filters =
        RetentionFilters.of(
            List.of(
                RetentionFilter.of("none of cafe", "service:cafe", 0, FilterScope.ALL, true),
                RetentionFilter.of("everything", "*", 100, FilterScope.ALL, true)));

    List<String> out = index(filters, chunk(42, false));

    assertThat(out).containsOnly("");
    assertThat(filters.spansIndexed(0)).isZero();
    assertThat(filters.spansIndexed(1)).isZero();
    assertThat(filters.status()).containsEntry("spans_not_indexed", 2L);
  }

  @Test
  void index_oneIndexedSpanIndexesTheWholeChunk() {
    RetentionFilters filters =
        RetentionFilters.of(
            List.of(RetentionFilter.of("errors", "status:error", 100, FilterScope.ALL, true)));

    List<String> out = index(filters, chunk(42, true));

    assertThat(out).containsExactly("errors", "errors");
    assertThat(filters.spansIndexed(0)).isEqualTo(1);
    assertThat(filters.status())
        .containsEntry("spans_indexed_with_their_trace", 1L)
        .containsEntry("spans_not_indexed", 0L);
  }

  @Test
  void index_eachSpanRecordsTheFilterThatIndexedIt() {
    RetentionFilters filters =
        RetentionFilters.of(
            List.of(
                RetentionFilter.of(
                    "queries", "operation_name:sqlite.query", 100, FilterScope.ALL, true),
                RetentionFilter.of("rest", "*", 100, FilterScope.ALL, true)));

    List<String> out = index(filters, chunk(42, false));

    assertThat(out).containsExactly("rest", "queries");
  }

  @Test
  void index_serviceEntryScopeIgnoresChildSpans() {
    RetentionFilters filters =
        RetentionFilters.of(
            List.of(
                RetentionFilter.of(
                    "entry errors", "status:error", 100, FilterScope.SERVICE_ENTRY, true)));

    assertThat(index(filters, chunk(42, true))).containsOnly("");
  }

  @Test
  void index_rootScopeLooksAtTheRootOnly() {
    RetentionFilters filters =
        RetentionFilters.of(
            List.of(
                RetentionFilter.of(
                    "root queries", "operation_name:sqlite.query", 100, FilterScope.ROOT, true),
                RetentionFilter.of(
                    "root requests",
                    "operation_name:servlet.request",
                    100,
                    FilterScope.ROOT,
                    true)));

    List<String> out = index(filters, chunk(42, false));

    assertThat(out).containsOnly("root requests");
    assertThat(filters.spansIndexed(0)).isZero();
    assertThat(filters.spansIndexed(1)).isEqualTo(1);
  }

  @Test
  void index_disabledFilterIsSkipped() {
    RetentionFilters filters =
        RetentionFilters.of(
            List.of(
                RetentionFilter.of("off", "*", 100, FilterScope.ALL, false),
                RetentionFilter.of("on", "*", 100, FilterScope.ALL, true)));

    assertThat(index(filters, chunk(42, false))).containsOnly("on");

    assertThat(filters.spansIndexed(0)).isZero();
  }

  @Test
  void index_rateIsDecidedByTheTraceIdAlone() {
    RetentionFilters filters =
        RetentionFilters.of(List.of(RetentionFilter.of("quarter", "*", 25, FilterScope.ALL, true)));
    SplittableRandom random = new SplittableRandom(3);
    int indexed = 0;
    for (int i = 0; i < 4000; i++) {
      long traceLow = random.nextLong();
      boolean first = !index(filters, chunk(traceLow, false)).get(0).isEmpty();
      boolean again = !index(filters, chunk(traceLow, true)).get(0).isEmpty();
      assertThat(again).isEqualTo(first).isEqualTo(RateCheck.keep(traceLow, 0.25));
      indexed += first ? 1 : 0;
    }
    assertThat(indexed).isBetween(850, 1150);
  }

  @Test
  void index_legacyAnalyzedSpansAreIndexedBeforeAnyFilter() {
    RetentionFilters filters = RetentionFilters.of(List.of());
    List<Span> plain = chunk(42, false);
    Span event = plain.get(1).withTags(plain.get(1).meta(), java.util.Map.of("_dd.analyzed", 1.0));

    List<String> out = index(filters, List.of(plain.get(0), event));

    assertThat(out).containsOnly(RetentionFilters.LEGACY_ANALYTICS);
  }

  @Test
  void defaults_indexErrorsFirstThenEverythingElse() {
    RetentionFilters filters = RetentionFilters.defaults();
    List<Span> errorRoot =
        List.of(chunk(7, false).get(0).toBuilder().error(true).build(), chunk(7, false).get(1));

    assertThat(index(filters, errorRoot)).containsExactly("Error Default", "Index Everything Else");

    assertThat(filters.filters())
        .extracting(RetentionFilter::name)
        .containsExactly("Error Default", "Index Everything Else");
  }
}
