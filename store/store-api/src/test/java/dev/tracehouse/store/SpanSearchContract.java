package dev.tracehouse.store;

import static dev.tracehouse.store.TestSpans.MS;
import static dev.tracehouse.store.TestSpans.T0;
import static dev.tracehouse.store.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every {@link SpanReader} does for {@link SpanReader#searchSpans} and {@link
 * SpanReader#searchTraces}: windows, orders, scopes and cursor pages. Filters are {@link
 * TestFilter}s; the search language is the query module's.
 */
public abstract class SpanSearchContract extends StoreContract {

  private static final EventFilter<Span> ALL = EventFilter.all();

  private void write(List<Span> spans) {
    store.writer().write(spans);
    store.writer().flush();
  }

  private SpanPage spans(SpanSearch search) {
    return store.reader().searchSpans(search);
  }

  private TracePage traces(TraceSearch search) {
    return store.reader().searchTraces(search);
  }

  private static TraceId id(long low) {
    return new TraceId(0x2000, low);
  }

  /** Many spans with colliding starts and durations and ids on both sides of 2^63. */
  private static List<Span> crowd(int count, long seed) {
    Random random = new Random(seed);
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      TraceId trace = new TraceId(random.nextInt(3) - 1, random.nextInt(5) - 2);
      spans.add(
          span(
                  trace,
                  random.nextLong(),
                  0,
                  "svc-" + random.nextInt(3),
                  "op",
                  T0 + random.nextInt(20) * MS,
                  random.nextInt(4) * MS)
              .toBuilder()
              .error(random.nextBoolean())
              .build());
    }
    return spans;
  }

  @Nested
  class Spans {
    @Test
    void searchSpans_windowIncludesFromAndExcludesTo() {
      Span before = span(id(1), 1, 0, "a", "op", T0 - 1, MS);
      Span first = span(id(2), 1, 0, "a", "op", T0, MS);
      Span last = span(id(3), 1, 0, "a", "op", T0 + MS - 1, MS);
      Span after = span(id(4), 1, 0, "a", "op", T0 + MS, MS);
      write(List.of(before, first, last, after));

      SpanPage page = spans(SpanSearch.of(ALL, T0, T0 + MS));

      assertThat(page.spans()).containsExactly(last, first);
      assertThat(page.next()).isEmpty();
    }

    @Test
    void searchSpans_appliesTheFilter() {
      write(TestSpans.CAFE_PAIR);

      SpanPage page = spans(SpanSearch.of(TestFilter.spanErrors(), 0, Long.MAX_VALUE));

      assertThat(page.spans()).hasSize(2).allMatch(Span::error);
    }

    @Test
    void searchSpans_valuesAreBoundNotSpliced() {
      write(TestSpans.CAFE_PAIR);

      SpanPage hostile =
          spans(
              SpanSearch.of(
                  TestFilter.spanService("cafe' OR '1'='1'; DROP TABLE spans; --"),
                  0,
                  Long.MAX_VALUE));

      assertThat(hostile.spans()).isEmpty();
      assertThat(spans(SpanSearch.of(ALL, 0, Long.MAX_VALUE)).spans()).hasSize(10);
    }

    @ParameterizedTest
    @EnumSource(SpanSort.class)
    void searchSpans_ordersWithTieBreaksOnUnsignedIds(SpanSort sort) {
      List<Span> spans = crowd(60, 11);
      write(spans);
      List<Span> expected = new ArrayList<>(spans);
      expected.sort(sort.order());

      SpanPage page = spans(SpanSearch.of(ALL, 0, Long.MAX_VALUE).withSort(sort).withLimit(100));

      assertThat(page.spans()).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(SpanSort.class)
    void searchSpans_pagesCoverEverySpanOnceInOrder(SpanSort sort) {
      List<Span> spans = crowd(137, 23);
      write(spans);
      SpanSearch search = SpanSearch.of(ALL, 0, Long.MAX_VALUE).withSort(sort).withLimit(10);
      List<Span> seen = new ArrayList<>();
      int pages = 0;
      Optional<SpanCursor> next = Optional.empty();
      do {
        SpanPage page = spans(next.map(search::after).orElse(search));
        seen.addAll(page.spans());
        next = page.next().map(c -> SpanCursor.decode(c.encode(), sort));
        pages++;
      } while (next.isPresent());

      List<Span> expected = new ArrayList<>(spans);
      expected.sort(sort.order());
      assertThat(seen).containsExactlyElementsOf(expected);
      assertThat(pages).isEqualTo(14);
    }

    @Test
    void searchSpans_fullLastPageHasNoNextCursor() {
      write(crowd(20, 5));

      SpanPage page = spans(SpanSearch.of(ALL, 0, Long.MAX_VALUE).withLimit(20));

      assertThat(page.spans()).hasSize(20);
      assertThat(page.next()).isEmpty();
    }

    @Test
    void searchSpans_newerSpansDoNotShiftLaterPages() {
      write(crowd(30, 7));
      SpanSearch search = SpanSearch.of(ALL, 0, Long.MAX_VALUE).withLimit(10);
      SpanPage first = spans(search);
      SpanPage second = spans(search.after(first.next().orElseThrow()));

      write(List.of(span(id(9), 9, 0, "late", "op", T0 + 500 * MS, MS)));

      assertThat(spans(search.after(first.next().orElseThrow())).spans())
          .containsExactlyElementsOf(second.spans());
    }
  }

  @Nested
  class Traces {
    @Test
    void searchTraces_matchesOnAnySpanAndSummarizesTheWholeTrace() {
      write(TestSpans.CAFE_PAIR);
      write(List.of(TestSpans.single(id(1), "other", T0 + MS)));

      TracePage page = traces(TraceSearch.of(TestFilter.spanErrors(), 0, Long.MAX_VALUE));

      assertThat(page.traces()).hasSize(1);
      TraceSummary summary = page.traces().get(0);
      assertThat(summary.traceId()).isEqualTo(TestSpans.CAFE_PAIR_ID);
      assertThat(summary.spanCount()).isEqualTo(10);
      assertThat(summary.rootName()).isEqualTo("web.request");
      assertThat(page.next()).isEmpty();
    }

    @Test
    void searchTraces_windowAppliesToTheMatchingSpan() {
      write(TestSpans.CAFE_PAIR);
      long firstTasterStart = T0 + 6 * MS;

      TraceSearch early = TraceSearch.of(TestFilter.spanService("taster"), 0, firstTasterStart);
      TraceSearch late =
          TraceSearch.of(TestFilter.spanService("taster"), firstTasterStart, Long.MAX_VALUE);

      assertThat(traces(early).traces()).isEmpty();
      assertThat(traces(late).traces()).hasSize(1);
    }

    @Test
    void searchTraces_rootScopeOnlyLooksAtRootSpans() {
      write(TestSpans.CAFE_PAIR);

      TraceSearch tasterRoots =
          TraceSearch.of(TestFilter.spanService("taster"), 0, Long.MAX_VALUE)
              .withScope(TraceScope.ROOT);
      TraceSearch cafeRoots =
          TraceSearch.of(TestFilter.spanService("cafe"), 0, Long.MAX_VALUE)
              .withScope(TraceScope.ROOT);

      assertThat(traces(tasterRoots).traces()).isEmpty();
      assertThat(traces(cafeRoots).traces()).hasSize(1);
    }

    @Test
    void searchTraces_serviceEntryScopeUsesTheTopLevelMetrics() {
      Span entry = TestSpans.single(id(1), "a", T0).toBuilder().putMetric("_top_level", 1).build();
      Span ddEntry =
          TestSpans.single(id(2), "a", T0 + MS).toBuilder().putMetric("_dd.top_level", 1).build();
      Span inner = TestSpans.single(id(3), "a", T0 + 2 * MS);
      Span notOne =
          TestSpans.single(id(4), "a", T0 + 3 * MS).toBuilder().putMetric("_top_level", 0).build();
      write(List.of(entry, ddEntry, inner, notOne));

      TracePage page =
          traces(TraceSearch.of(ALL, 0, Long.MAX_VALUE).withScope(TraceScope.SERVICE_ENTRY));

      assertThat(page.traces()).extracting(TraceSummary::traceId).containsExactly(id(2), id(1));
    }

    @Test
    void searchTraces_pagesCoverEveryTraceOnceNewestFirst() {
      List<Span> spans = new ArrayList<>();
      Random random = new Random(3);
      for (int i = 0; i < 57; i++) {
        TraceId trace = new TraceId(random.nextInt(2), random.nextLong());
        long start = T0 + random.nextInt(10) * MS;
        spans.add(span(trace, 1, 0, "a", "root", start, 5 * MS));
        spans.add(span(trace, 2, 1, "b", "child", start + MS, MS));
      }
      write(spans);
      TraceSearch search = TraceSearch.of(ALL, 0, Long.MAX_VALUE).withLimit(7);
      List<TraceSummary> seen = new ArrayList<>();
      Optional<TraceCursor> next = Optional.empty();
      do {
        TracePage page = traces(next.map(search::after).orElse(search));
        seen.addAll(page.traces());
        next = page.next().map(c -> TraceCursor.decode(c.encode()));
      } while (next.isPresent());

      assertThat(seen).hasSize(57);
      assertThat(seen).extracting(TraceSummary::traceId).doesNotHaveDuplicates();
      for (int i = 1; i < seen.size(); i++) {
        assertThat(TraceCursor.after(seen.get(i - 1)).precedes(seen.get(i))).isTrue();
      }
    }

    @Test
    void searchTraces_newerTracesDoNotShiftLaterPages() {
      for (int i = 1; i <= 6; i++) {
        write(List.of(TestSpans.single(id(i), "a", T0 + i * MS)));
      }
      TraceSearch search = TraceSearch.of(ALL, 0, Long.MAX_VALUE).withLimit(2);
      TracePage first = traces(search);

      write(List.of(TestSpans.single(id(99), "a", T0 + 99 * MS)));

      assertThat(traces(search.after(first.next().orElseThrow())).traces())
          .extracting(TraceSummary::traceId)
          .containsExactly(id(4), id(3));
    }
  }
}
