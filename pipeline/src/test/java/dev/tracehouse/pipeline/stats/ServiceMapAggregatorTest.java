package dev.tracehouse.pipeline.stats;

import static dev.tracehouse.pipeline.stats.TestSpans.SECOND;
import static dev.tracehouse.pipeline.stats.TestSpans.T0;
import static dev.tracehouse.pipeline.stats.TestSpans.endingAt;
import static dev.tracehouse.pipeline.stats.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tracehouse.model.ServiceEdge;
import dev.tracehouse.model.ServiceMapBucket;
import dev.tracehouse.model.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceMapAggregatorTest {
  private static final long END = T0 + 21 * SECOND;

  private final MutableClock clock = new MutableClock(T0 + 25 * SECOND);
  private final ServiceMapAggregator aggregator = new ServiceMapAggregator(clock);

  private static Span s(long trace, long id, long parent, String service, long duration) {
    return endingAt(span(trace, id, parent, service, "r"), END, duration).build();
  }

  private List<ServiceEdge> edges() {
    List<ServiceMapBucket> buckets = aggregator.flush(true);
    return buckets.stream().flatMap(b -> b.edges().stream()).toList();
  }

  @Test
  void add_parentAndChildInOneChunk_giveAWeightedEdge() {
    Span web = endingAt(span(1, 1, 0, "web", "r"), END, 900).putMetric("_sample_rate", 0.5).build();
    Span db = endingAt(span(1, 2, 1, "db", "r"), END, 300).error(true).build();
    Span sameService = s(1, 3, 1, "web", 100);

    aggregator.add(List.of(web, db, sameService));

    assertThat(edges())
        .singleElement()
        .satisfies(
            edge -> {
              assertThat(edge.env()).isEqualTo("prod");
              assertThat(edge.caller()).isEqualTo("web");
              assertThat(edge.callee()).isEqualTo("db");
              assertThat(edge.calls()).isEqualTo(2);
              assertThat(edge.errors()).isEqualTo(2);
              assertThat(edge.durationSum()).isEqualTo(600);
              assertThat(LatencySketches.decode(edge.latency()).getCount()).isEqualTo(1);
            });
  }

  @Test
  void add_parentInAnEarlierChunk_givesTheEdge() {
    aggregator.add(List.of(s(7, 1, 0, "web", 900)));
    aggregator.add(List.of(s(7, 2, 1, "taster", 300)));

    assertThat(edges())
        .extracting(ServiceEdge::caller, ServiceEdge::callee)
        .containsExactly(tuple("web", "taster"));
  }

  @Test
  void add_childBeforeItsParent_waitsForTheParent() {
    aggregator.add(List.of(s(7, 2, 1, "taster", 300)));
    aggregator.add(List.of(s(7, 1, 0, "web", 900)));

    assertThat(edges()).extracting(ServiceEdge::caller).containsExactly("web");
    assertThat(aggregator.unresolvedCalls()).isZero();
  }

  @Test
  void add_waitingChildPushedOut_isCountedUnresolved() {
    ServiceMapAggregator small = new ServiceMapAggregator(clock, 2);
    small.add(List.of(s(1, 2, 1, "a", 1)));
    small.add(List.of(s(2, 2, 1, "b", 1)));
    small.add(List.of(s(3, 2, 1, "c", 1)));
    small.add(List.of(s(1, 1, 0, "web", 1)));

    assertThat(small.flush(true)).allSatisfy(b -> assertThat(b.edges()).isEmpty());
    assertThat(small.unresolvedCalls()).isEqualTo(1);
  }

  @Test
  void add_otherTrace_doesNotMatch() {
    aggregator.add(List.of(s(1, 1, 0, "web", 900)));
    aggregator.add(List.of(s(2, 2, 1, "db", 300)));

    assertThat(edges()).isEmpty();
  }

  @Test
  void new_rejectsANonPositiveCapacity() {
    assertThatThrownBy(() -> new ServiceMapAggregator(clock, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("recentSpans");
  }
}
