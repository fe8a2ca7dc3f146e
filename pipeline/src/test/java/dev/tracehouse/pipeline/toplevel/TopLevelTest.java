package dev.tracehouse.pipeline.toplevel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopLevelTest {
  private static Span.Builder span(long id, long parent, String service) {
    return Span.builder()
        .traceId(TraceId.ofLow(1))
        .spanId(id)
        .parentId(parent)
        .service(service)
        .name("op");
  }

  @Test
  void mark_byRule_rootMissingParentAndServiceChange() {
    List<Span> chunk =
        List.of(
            span(1, 0, "cafe").build(),
            span(2, 1, "cafe").putMetric(TopLevel.TOP_LEVEL, 1).build(),
            span(3, 1, "cafe-redis").build(),
            span(4, 99, "cafe").build());
    assertThat(TopLevel.mark(chunk, false))
        .extracting(TopLevel::isTopLevel)
        .containsExactly(true, false, true, true);
  }

  @Test
  void mark_byRule_ignoresTheClientMarker() {
    List<Span> chunk =
        List.of(
            span(1, 0, "cafe").build(),
            span(2, 1, "cafe").putMetric(TopLevel.CLIENT_TOP_LEVEL, 1).build());
    assertThat(TopLevel.mark(chunk, false))
        .extracting(TopLevel::isTopLevel)
        .containsExactly(true, false);
  }

  @Test
  void mark_clientComputed_trustsTheClientMarker() {
    List<Span> chunk =
        List.of(
            span(1, 0, "cafe").build(),
            span(2, 1, "cafe").putMetric(TopLevel.CLIENT_TOP_LEVEL, 1).build());
    assertThat(TopLevel.mark(chunk, true))
        .extracting(TopLevel::isTopLevel)
        .containsExactly(false, true);
  }

  @Test
  void mark_byRule_findsParentsInLargeChunks() {
    List<Span> chunk = new ArrayList<>();
    chunk.add(span(1, 0, "cafe").build());
    for (int id = 2; id <= 40; id++) {
      chunk.add(span(id, id - 1, id == 30 ? "taster" : "cafe").build());
    }
    chunk.add(span(41, 999, "cafe").build());
    List<Span> marked = TopLevel.mark(chunk, false);
    List<Long> topLevelIds =
        marked.stream().filter(TopLevel::isTopLevel).map(Span::spanId).toList();
    assertThat(topLevelIds).containsExactly(1L, 30L, 31L, 41L);
  }

  @Test
  void mark_returnsUnchangedSpansAsTheyAre() {
    Span root = span(1, 0, "cafe").putMetric(TopLevel.TOP_LEVEL, 1).build();
    assertThat(TopLevel.mark(List.of(root), false).get(0)).isSameAs(root);
  }

  @Test
  void statsEligible_isTopLevelOrMeasured_butNotPartial() {
    Span measured = span(2, 1, "cafe").putMetric(TopLevel.MEASURED, 1).build();
    Span partial =
        span(3, 0, "cafe")
            .putMetric(TopLevel.TOP_LEVEL, 1)
            .putMetric(TopLevel.PARTIAL_VERSION, 2)
            .build();
    Span plain = span(4, 1, "cafe").build();
    assertThat(TopLevel.isMeasured(measured)).isTrue();
    assertThat(TopLevel.isStatsEligible(measured)).isTrue();
    assertThat(TopLevel.isStatsEligible(partial)).isFalse();
    assertThat(TopLevel.isStatsEligible(plain)).isFalse();
  }
}
