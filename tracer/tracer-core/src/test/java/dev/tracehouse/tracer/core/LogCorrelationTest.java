package dev.tracehouse.tracer.core;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tracehouse.tracer.GlobalTracer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Log correlation into the real SLF4J MDC, backed by Logback. */
class LogCorrelationTest {

  private final InMemoryWriter writer = new InMemoryWriter();

  private CoreTracer tracer(boolean traceId128Logging) {
    TracerConfig defaults = new TracerConfig("cafe", "workshop", "1.2.3", "localhost", 8126);
    return new CoreTracer(
        new TracerConfig(
            defaults.service(),
            defaults.env(),
            defaults.version(),
            defaults.agentHost(),
            defaults.agentPort(),
            Map.of(),
            defaults.injectStyles(),
            defaults.extractStyles(),
            defaults.sampling(),
            true,
            traceId128Logging,
            defaults.partialFlushMinSpans(),
            defaults.traceAgentV05()),
        writer,
        TimeSource.system());
  }

  private static CoreTracer correlated(CoreTracer tracer) {
    LogCorrelation.install(tracer).addMdc(MDC.class);
    return tracer;
  }

  @AfterEach
  void clearMdc() {
    MDC.clear();
  }

  @Test
  void mdc_holdsTheActiveSpanAndIsRestoredWhenNestedScopesClose() {
    CoreTracer tracer = correlated(tracer(true));

    try (CoreSpan root = tracer.trace("web.request")) {
      String traceId = Hex.of(root.trace().traceIdHigh()) + Hex.of(root.trace().traceIdLow());
      assertThat(MDC.getCopyOfContextMap())
          .containsEntry("dd.trace_id", traceId)
          .containsEntry("dd.span_id", Long.toUnsignedString(root.spanId()))
          .containsEntry("dd.service", "cafe")
          .containsEntry("dd.env", "workshop")
          .containsEntry("dd.version", "1.2.3");
      assertThat(traceId).hasSize(32);

      try (CoreSpan child = tracer.trace("child")) {
        assertThat(MDC.get("dd.span_id")).isEqualTo(Long.toUnsignedString(child.spanId()));
        assertThat(MDC.get("dd.trace_id")).isEqualTo(traceId);
      }
      assertThat(MDC.get("dd.span_id")).isEqualTo(Long.toUnsignedString(root.spanId()));
    }

    assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
  }

  @Test
  void mdc_followsOutOfOrderCloseAndLeavesOtherKeysAlone() {
    CoreTracer tracer = correlated(tracer(true));
    MDC.put("order.id", "42");

    CoreSpan outer = tracer.trace("outer");
    CoreSpan inner = tracer.trace("inner");
    outer.close();
    assertThat(MDC.get("dd.span_id")).isEqualTo(Long.toUnsignedString(inner.spanId()));
    inner.close();

    assertThat(MDC.getCopyOfContextMap()).containsExactly(Map.entry("order.id", "42"));
  }

  @Test
  void traceId_isDecimalLow64BitsWhen128BitLoggingIsOffOrTheIdIs64Bit() {
    CoreTracer decimal = correlated(tracer(false));
    try (CoreSpan span = decimal.trace("op")) {
      assertThat(MDC.get("dd.trace_id"))
          .isEqualTo(Long.toUnsignedString(span.trace().traceIdLow()));
    }

    CoreTracer hex = correlated(tracer(true));
    try (CoreSpan span = hex.startActive("op", new SpanContext(0, -2L, 7, 1, "-1"))) {
      assertThat(MDC.get("dd.trace_id")).isEqualTo("18446744073709551614");
    }
  }

  @Test
  void loggedLines_carryTheIdsOfTheSpanActiveWhenLogging() {
    CoreTracer tracer = correlated(tracer(false));
    Logger logger = (Logger) LoggerFactory.getLogger("cafe.orders");
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      long spanId;
      try (CoreSpan span = tracer.trace("web.request")) {
        spanId = span.spanId();
        logger.info("order taken");
      }
      logger.info("after the request");

      assertThat(appender.list.get(0).getMDCPropertyMap())
          .containsEntry("dd.span_id", Long.toUnsignedString(spanId))
          .containsKey("dd.trace_id");
      assertThat(appender.list.get(1).getMDCPropertyMap()).doesNotContainKey("dd.span_id");
    } finally {
      logger.detachAppender(appender);
    }
  }

  @Test
  void spansOnAnotherThread_doNotTouchThisThreadsMdc() throws Exception {
    CoreTracer tracer = correlated(tracer(true));
    AtomicReference<String> seenThere = new AtomicReference<>();

    Thread other =
        new Thread(
            () -> {
              try (CoreSpan span = tracer.trace("elsewhere")) {
                seenThere.set(MDC.get("dd.span_id"));
              }
            });
    other.start();
    other.join();

    assertThat(seenThere.get()).isNotNull();
    assertThat(MDC.get("dd.span_id")).isNull();
  }

  @Test
  void addMdc_ignoresClassesWithoutMdcMethodsAndOtherTracers() {
    CoreTracer tracer = tracer(true);
    LogCorrelation correlation = LogCorrelation.install(tracer);
    correlation.addMdc(String.class);
    LogCorrelation.addMdc(GlobalTracer.get(), MDC.class);

    try (CoreSpan span = tracer.trace("op")) {
      assertThat(MDC.get("dd.span_id")).isNull();
    }
  }

  @Test
  void failingMdc_isDroppedAndTracingGoesOn() {
    CoreTracer tracer = tracer(true);
    LogCorrelation.install(tracer).addMdc(BrokenMdc.class);

    tracer.trace("first").close();
    tracer.trace("second").close();

    assertThat(writer.spans()).hasSize(2);
    assertThat(BrokenMdc.calls).isEqualTo(1);
  }

  @Test
  void mdc_neverTouchesEnvAndVersionWhenTheyAreNotConfigured() {
    CoreTracer tracer =
        new CoreTracer(
            new TracerConfig("cafe", null, null, "localhost", 8126), writer, TimeSource.system());
    RecordingMdc.calls.clear();
    LogCorrelation.install(tracer).addMdc(RecordingMdc.class);

    tracer.trace("op").close();

    assertThat(RecordingMdc.calls)
        .containsExactly(
            "put dd.trace_id",
            "put dd.span_id",
            "put dd.service",
            "remove dd.trace_id",
            "remove dd.span_id",
            "remove dd.service");
  }

  /** An MDC that records which keys were put and removed. */
  public static final class RecordingMdc {
    static final List<String> calls = new ArrayList<>();

    public static void put(String key, String value) {
      calls.add("put " + key);
    }

    public static void remove(String key) {
      calls.add("remove " + key);
    }
  }

  /** An MDC whose put always fails. */
  public static final class BrokenMdc {
    static int calls;

    public static void put(String key, String value) {
      calls++;
      throw new IllegalStateException("no MDC today");
    }

    public static void remove(String key) {}
  }
}
