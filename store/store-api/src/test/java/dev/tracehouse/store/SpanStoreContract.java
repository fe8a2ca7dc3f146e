package dev.tracehouse.store;

import static dev.tracehouse.store.TestSpans.CAFE_PAIR;
import static dev.tracehouse.store.TestSpans.CAFE_PAIR_ID;
import static dev.tracehouse.store.TestSpans.MS;
import static dev.tracehouse.store.TestSpans.T0;
import static dev.tracehouse.store.TestSpans.single;
import static dev.tracehouse.store.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SpanStore} does. A store's test extends this class and supplies {@link
 * #newStore()}; each test gets a fresh, empty store and closes it afterwards.
 */
public abstract class SpanStoreContract extends StoreContract {

  /** Writes {@code spans} and flushes, so that they are visible. */
  protected void write(List<Span> spans) {
    store.writer().write(spans);
    store.writer().flush();
  }

  protected void write(Span... spans) {
    write(List.of(spans));
  }

  private List<Span> trace(TraceId id) {
    return store.reader().trace(id).orElseThrow();
  }

  private List<TraceSummary> find(TraceQuery query) {
    return store.reader().findTraces(query);
  }

  private static TraceId id(long low) {
    return new TraceId(0x1000, low);
  }

  @Nested
  class WriteRead {
    @Test
    void trace_returnsEverySpanSortedByStart() {
      List<Span> shuffled = new ArrayList<>(CAFE_PAIR);
      Collections.shuffle(shuffled, new Random(7));
      write(shuffled);

      assertThat(trace(CAFE_PAIR_ID)).containsExactlyElementsOf(CAFE_PAIR);
    }

    @Test
    void trace_keepsEveryField() {
      Span span =
          Span.builder()
              .traceId(new TraceId(-2, -3))
              .spanId(-4)
              .parentId(-5)
              .service("café ☕")
              .name("db.query")
              .resource("SELECT * FROM beers WHERE name = ?")
              .type("sql")
              .start(T0)
              .duration(42)
              .error(true)
              .putMeta("error.message", "quote \" backslash \\ newline \n tab \t")
              .putMeta("", "empty key")
              .putMeta("nul", "a\u0000b")
              .putMetric("db.rows", 3)
              .putMetric("ratio", -0.25)
              .putMetric("nan", Double.NaN)
              .putMetric("inf", Double.POSITIVE_INFINITY)
              .build();
      write(span);

      assertThat(trace(span.traceId())).containsExactly(span);
    }

    @Test
    void trace_unknownIdGivesEmpty() {
      write(CAFE_PAIR);

      assertThat(store.reader().trace(id(404))).isEmpty();
      assertThat(store.reader().trace(TraceId.ofLow(404))).isEmpty();
    }

    @Test
    void trace_sameStartOrdersBySpanIdUnsigned() {
      Span high = span(id(1), Long.MIN_VALUE, 0, "cafe", "a", T0, MS);
      Span low = span(id(1), 2, 0, "cafe", "b", T0, MS);
      write(high, low);

      assertThat(trace(id(1))).containsExactly(low, high);
    }

    @Test
    void write_acrossCallsJoinsOneTrace() {
      write(CAFE_PAIR.subList(0, 4));
      write(CAFE_PAIR.subList(4, CAFE_PAIR.size()));

      assertThat(trace(CAFE_PAIR_ID)).containsExactlyElementsOf(CAFE_PAIR);
    }

    @Test
    void write_emptyListIsAccepted() {
      write(List.of());

      assertThat(store.reader().services()).isEmpty();
    }

    @Test
    void trace_resultBelongsToTheCaller() {
      write(CAFE_PAIR);
      List<Span> first = trace(CAFE_PAIR_ID);
      try {
        first.clear();
      } catch (UnsupportedOperationException readOnlyIsFine) {
        // an unmodifiable copy also leaves the store untouched
      }

      assertThat(trace(CAFE_PAIR_ID)).hasSize(CAFE_PAIR.size());
    }

    @Test
    void write_nullSpanIsRejected() {
      List<Span> spans = new ArrayList<>(CAFE_PAIR);
      spans.add(null);

      assertThatThrownBy(() -> store.writer().write(spans))
          .isInstanceOf(NullPointerException.class)
          .hasMessageContaining("spans[10]");
    }

    @Test
    void write_afterCloseThrowsStoreException() {
      store.close();

      assertThatThrownBy(() -> store.writer().write(CAFE_PAIR))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("closed");
    }
  }

  @Nested
  class TraceLookup {
    private final Span a = single(new TraceId(0xaaL, 77), "cafe", T0);
    private final Span b = single(new TraceId(0xbbL, 77), "taster", T0 + MS);
    private final Span lowOnly = single(TraceId.ofLow(77), "redis", T0 + 2 * MS);

    @Test
    void trace_fullIdMatchesExactly() {
      write(a, b, lowOnly);

      assertThat(trace(new TraceId(0xaaL, 77))).containsExactly(a);
    }

    @Test
    void trace_lowOnlyIdMatchesEveryHighHalf() {
      write(a, b, lowOnly);

      assertThat(trace(TraceId.ofLow(77))).containsExactly(a, b, lowOnly);
    }

    @Test
    void trace_fullIdDoesNotMatchSpansStoredWithoutHighHalf() {
      write(lowOnly);

      assertThat(store.reader().trace(new TraceId(0xaaL, 77))).isEmpty();
    }

    @Test
    void trace_idsAtOrAbove2pow63RoundTrip() {
      TraceId big = new TraceId(Long.MIN_VALUE, -1L);
      Span span = span(big, Long.MIN_VALUE, -1L, "cafe", "x", T0, MS);
      write(span);

      assertThat(trace(big)).containsExactly(span);
      assertThat(trace(TraceId.ofLow(-1L))).containsExactly(span);
      assertThat(find(TraceQuery.latest(10)))
          .extracting(TraceSummary::traceId)
          .containsExactly(big);
    }
  }

  @Nested
  class FindTraces {
    @Test
    void findTraces_newestFirst() {
      write(single(id(1), "cafe", T0), single(id(3), "cafe", T0 + 2 * MS));
      write(single(id(2), "cafe", T0 + MS));

      assertThat(find(TraceQuery.latest(10)))
          .extracting(TraceSummary::traceId)
          .containsExactly(id(3), id(2), id(1));
    }

    @Test
    void findTraces_respectsLimit() {
      for (int i = 1; i <= 5; i++) {
        write(single(id(i), "cafe", T0 + i * MS));
      }

      assertThat(find(TraceQuery.latest(2)))
          .extracting(TraceSummary::traceId)
          .containsExactly(id(5), id(4));
    }

    @Test
    void findTraces_matchesServiceOfAnySpan() {
      write(CAFE_PAIR);
      write(single(id(1), "cafe", T0 + 500 * MS));

      List<TraceSummary> found = find(TraceQuery.latest(10).withService("taster"));

      assertThat(found).extracting(TraceSummary::traceId).containsExactly(CAFE_PAIR_ID);
      assertThat(found.get(0).spanCount()).isEqualTo(CAFE_PAIR.size());
    }

    @Test
    void findTraces_unknownServiceGivesEmptyList() {
      write(CAFE_PAIR);

      assertThat(find(TraceQuery.latest(10).withService("nobody"))).isEmpty();
    }

    @Test
    void findTraces_timeWindowIncludesFromAndExcludesTo() {
      write(single(id(1), "cafe", T0), single(id(2), "cafe", T0 + MS));
      write(single(id(3), "cafe", T0 + 2 * MS));

      List<TraceSummary> found = find(new TraceQuery(Optional.empty(), T0 + MS, T0 + 2 * MS, 10));

      assertThat(found).extracting(TraceSummary::traceId).containsExactly(id(2));
    }

    @Test
    void findTraces_serviceAndTimeMustHoldForTheSameSpan() {
      write(CAFE_PAIR);
      long afterCafeStarts = T0 + 5 * MS;
      long beforeTasterStarts = T0 + 6 * MS;

      TraceQuery tasterEarly = new TraceQuery(Optional.of("taster"), 0, beforeTasterStarts, 10);
      TraceQuery cafeWindow =
          new TraceQuery(Optional.of("cafe"), afterCafeStarts, beforeTasterStarts, 10);

      assertThat(find(tasterEarly)).isEmpty();
      assertThat(find(cafeWindow)).extracting(TraceSummary::traceId).containsExactly(CAFE_PAIR_ID);
    }

    @Test
    void findTraces_sameStartOrdersByTraceIdDescendingUnsigned() {
      TraceId big = id(Long.MIN_VALUE);
      write(single(id(1), "cafe", T0), single(big, "cafe", T0), single(id(2), "cafe", T0));

      assertThat(find(TraceQuery.latest(10)))
          .extracting(TraceSummary::traceId)
          .containsExactly(big, id(2), id(1));
    }

    @Test
    void findTraces_fullIdsWithOneLowHalfAreSeparateTraces() {
      write(single(new TraceId(1, 9), "cafe", T0), single(new TraceId(2, 9), "cafe", T0 + MS));

      assertThat(find(TraceQuery.latest(10)))
          .extracting(TraceSummary::traceId)
          .containsExactly(new TraceId(2, 9), new TraceId(1, 9));
    }
  }

  @Nested
  class Services {
    @Test
    void services_emptyStoreGivesEmptyList() {
      assertThat(store.reader().services()).isEmpty();
    }

    @Test
    void services_areDistinctAndSorted() {
      write(CAFE_PAIR);
      write(single(id(1), "auth", T0), single(id(2), "zebra", T0));

      assertThat(store.reader().services()).containsExactly("auth", "cafe", "taster", "zebra");
    }
  }

  @Nested
  class Summaries {
    @Test
    void summary_describesCafePair() {
      write(CAFE_PAIR);

      TraceSummary summary = find(TraceQuery.latest(1)).get(0);

      assertThat(summary)
          .isEqualTo(
              new TraceSummary(
                  CAFE_PAIR_ID,
                  "cafe",
                  "web.request",
                  "GET /pair/beer",
                  T0,
                  120 * MS,
                  10,
                  2,
                  List.of("cafe", "taster")));
    }

    @Test
    void summary_rootIsTheSpanWithoutParentEvenWhenAChildStartsEarlier() {
      Span skewedChild = span(id(1), 2, 1, "taster", "early.child", T0 - MS, MS);
      Span root = span(id(1), 1, 0, "cafe", "web.request", T0, 10 * MS);
      write(skewedChild, root);

      TraceSummary summary = find(TraceQuery.latest(1)).get(0);

      assertThat(summary.rootName()).isEqualTo("web.request");
      assertThat(summary.start()).isEqualTo(T0 - MS);
      assertThat(summary.duration()).isEqualTo(11 * MS);
    }

    @Test
    void summary_rootFallsBackToTheEarliestSpan() {
      write(
          span(id(1), 5, 4, "taster", "late", T0 + 3 * MS, MS),
          span(id(1), 3, 2, "cafe", "earliest", T0, MS),
          span(id(1), 4, 3, "cafe", "middle", T0 + MS, MS));

      TraceSummary summary = find(TraceQuery.latest(1)).get(0);

      assertThat(summary.rootName()).isEqualTo("earliest");
      assertThat(summary.rootService()).isEqualTo("cafe");
    }

    @Test
    void summary_durationRunsToTheLatestEnd() {
      write(
          span(id(1), 1, 0, "cafe", "root", T0, 10 * MS),
          span(id(1), 2, 1, "worker", "async", T0 + 5 * MS, 30 * MS));

      assertThat(find(TraceQuery.latest(1)).get(0).duration()).isEqualTo(35 * MS);
    }

    @Test
    void summary_countsSpansWrittenInLaterCalls() {
      write(CAFE_PAIR.subList(0, 5));
      write(CAFE_PAIR.subList(5, CAFE_PAIR.size()));

      TraceSummary summary = find(TraceQuery.latest(1)).get(0);

      assertThat(summary.spanCount()).isEqualTo(10);
      assertThat(summary.errorCount()).isEqualTo(2);
    }
  }
}
