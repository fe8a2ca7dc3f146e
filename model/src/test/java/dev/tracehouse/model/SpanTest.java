package dev.tracehouse.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpanTest {

  @Test
  void builder_copiesTagsAndDefaultsStrings() {
    Span span =
        Span.builder()
            .traceId(TraceId.ofLow(7))
            .spanId(1)
            .name("web.request")
            .service(null)
            .start(100)
            .duration(50)
            .putMeta("env", "workshop")
            .putMetric("_dd.top_level", 1)
            .build();
    assertThat(span.service()).isEmpty();
    assertThat(span.type()).isEmpty();
    assertThat(span.isRoot()).isTrue();
    assertThat(span.end()).isEqualTo(150);
    assertThat(span.meta()).containsEntry("env", "workshop");
    assertThat(span.toBuilder().parentId(3).build().isRoot()).isFalse();
  }

  @Test
  void withTags_replacesOnlyTheTags() {
    Span span =
        Span.builder().traceId(TraceId.ofLow(7)).spanId(2).name("n").putMeta("a", "b").build();
    Span tagged = span.withTags(java.util.Map.of("c", "d"), java.util.Map.of("x", 1.0));
    assertThat(tagged.meta()).containsOnlyKeys("c");
    assertThat(tagged.metrics()).containsEntry("x", 1.0);
    assertThat(tagged.toBuilder().putMeta("a", "b").build().withTags(span.meta(), span.metrics()))
        .isEqualTo(span);
  }
}
