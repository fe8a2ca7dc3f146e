package dev.tracehouse.tracer.core.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.tracer.GlobalTracer;
import dev.tracehouse.tracer.Trace;
import dev.tracehouse.tracer.core.CoreSpan;
import dev.tracehouse.tracer.core.CoreTracer;
import dev.tracehouse.tracer.core.InMemoryWriter;
import dev.tracehouse.tracer.core.SpanData;
import org.junit.jupiter.api.Test;

class TraceAnnotationsTest {

  private final InMemoryWriter writer = new InMemoryWriter();
  private final CoreTracer tracer = InMemoryWriter.tracer(writer);

  /** Methods as an application would annotate them. */
  static final class Barista {
    @Trace
    void brew(String drink) {}

    @Trace(operationName = "cafe.order", resourceName = "POST /order", service = "orders")
    static int order() {
      return 1;
    }

    void untraced() {}
  }

  @Test
  void start_usesDdJavaAgentDefaultsAndTheAnnotationsValues() {
    CoreSpan order = TraceAnnotations.start(tracer, Barista.class, "order()I");
    CoreSpan brew = TraceAnnotations.start(tracer, Barista.class, "brew(Ljava/lang/String;)V");
    TraceAnnotations.finish(brew, new IllegalStateException("no milk"));
    TraceAnnotations.finish(order, null);

    SpanData orderSpan =
        writer.spans().stream().filter(s -> s.parentId() == 0).findFirst().orElseThrow();
    SpanData brewSpan =
        writer.spans().stream().filter(s -> s.parentId() != 0).findFirst().orElseThrow();
    assertThat(orderSpan.name()).isEqualTo("cafe.order");
    assertThat(orderSpan.resource()).isEqualTo("POST /order");
    assertThat(orderSpan.service()).isEqualTo("orders");
    assertThat(orderSpan.error()).isZero();
    assertThat(brewSpan.name()).isEqualTo("trace.annotation");
    assertThat(brewSpan.resource()).isEqualTo("Barista.brew");
    assertThat(brewSpan.service()).isEqualTo("test");
    assertThat(brewSpan.parentId()).isEqualTo(orderSpan.spanId());
    assertThat(brewSpan.error()).isEqualTo(1);
    assertThat(brewSpan.meta())
        .containsEntry("component", "trace")
        .containsEntry("error.message", "no milk");
  }

  @Test
  void start_givesNullForUnannotatedMethodsAndOtherTracers() {
    assertThat(TraceAnnotations.start(tracer, Barista.class, "untraced()V")).isNull();
    assertThat(TraceAnnotations.start(GlobalTracer.get(), Barista.class, "order()I")).isNull();
    TraceAnnotations.finish(null, new IllegalStateException("ignored"));

    assertThat(writer.spans()).isEmpty();
  }
}
