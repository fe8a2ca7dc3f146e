package dev.tracehouse.tracer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GlobalTracerTest {

  @AfterEach
  void restoreNoop() {
    GlobalTracer.register(NoopTracer.INSTANCE);
  }

  @Test
  void get_returnsNoopTracerBeforeRegistration() {
    Tracer tracer = Tracer.global();

    try (Span span = tracer.trace("op")) {
      span.setTag("k", "v").setTag("n", 1).setTag("b", true).setResource("r").setService("s");
      span.setType("web").setError(new IllegalStateException("boom"));
      assertThat(span.keepTrace().dropTrace()).isSameAs(NoopSpan.INSTANCE);
      assertThat(tracer.activeSpan()).isEmpty();
    }
    assertThat(tracer).isSameAs(NoopTracer.INSTANCE);
  }

  @Test
  void noopSpan_closeIsIdempotent() {
    Span span = Tracer.global().trace("op");

    span.close();
    span.close();

    assertThat(span).isSameAs(NoopSpan.INSTANCE);
  }

  @Test
  void register_replacesGlobalTracer() {
    Tracer custom =
        new Tracer() {
          @Override
          public Span trace(String operationName) {
            return NoopSpan.INSTANCE;
          }

          @Override
          public Optional<Span> activeSpan() {
            return Optional.of(NoopSpan.INSTANCE);
          }
        };

    GlobalTracer.register(custom);

    assertThat(Tracer.global()).isSameAs(custom);
    assertThat(GlobalTracer.get().activeSpan()).contains(NoopSpan.INSTANCE);
  }

  @Test
  void register_rejectsNull() {
    assertThatNullPointerException()
        .isThrownBy(() -> GlobalTracer.register(null))
        .withMessage("tracer");
  }
}
