package dev.tracehouse.pipeline.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.model.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkTest {
  @Test
  void chunk_readsPriorityAndDecisionMakerFromAnySpanWhenTheRootHasNone() {
    Span root = TestChunks.root(9).parentId(77).build(); // a downstream chunk: parent elsewhere
    Span child =
        TestChunks.child(root)
            .putMetric(Chunk.PRIORITY_KEY, 2.0)
            .putMeta(Chunk.DECISION_MAKER_KEY, "-4")
            .build();
    Chunk chunk = new Chunk(List.of(child, root), "");
    assertThat(chunk.root).isSameAs(root);
    assertThat(chunk.priority).isEqualTo(2);
    assertThat(chunk.decisionMaker()).isEqualTo("-4");
    assertThat(chunk.env).isEqualTo("workshop");
  }

  @Test
  void chunk_withoutPriorityOrEnvUsesTheDefaults() {
    Span root = TestChunks.root(9).build().toBuilder().build();
    Span bare = new Span(root.traceId(), 1, 0, "otel", "op", "res", "", 0, 1, false, null, null);
    Chunk chunk = new Chunk(List.of(bare), "prod");
    assertThat(chunk.hasPriority()).isFalse();
    assertThat(chunk.env).isEqualTo("prod");
  }
}
