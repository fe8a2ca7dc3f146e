package dev.tracehouse.tracer.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.testapp.LoggingApp;
import dev.tracehouse.tracer.agent.FakeIntake.ReceivedSpan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link LoggingApp} (SLF4J + Logback, {@code @Trace} methods) in a forked JVM with the real
 * agent jar: annotated methods become spans, and each log line carries the ids of the span that was
 * active when it was written.
 */
class TraceAnnotationAndLogsIT extends AgentJarIT {

  private static final Pattern LINE =
      Pattern.compile(
          "INFO +LoggingApp trace=(\\S*) span=(\\S*) service=(\\S*) env=(\\S*) version=(\\S*) - (.*)");

  /** One log line of the app: the MDC values it printed, by message. */
  private record LogLine(String traceId, String spanId, String service, String env) {}

  private static Map<String, LogLine> logLines(String output) {
    Map<String, LogLine> lines = new HashMap<>();
    for (String line : output.split("\\R")) {
      Matcher match = LINE.matcher(line);
      if (match.matches()) {
        lines.put(
            match.group(6),
            new LogLine(match.group(1), match.group(2), match.group(3), match.group(4)));
      }
    }
    return lines;
  }

  private static ReceivedSpan only(List<ReceivedSpan> spans, Predicate<ReceivedSpan> match) {
    List<ReceivedSpan> found = spans.stream().filter(match).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static String fullTraceId(ReceivedSpan root) {
    return root.meta().get("_dd.p.tid") + String.format("%016x", root.traceId());
  }

  @Test
  void annotatedMethods_becomeSpansAndLogLinesCarryTheActiveSpan() throws Exception {
    try (FakeIntake intake = new FakeIntake()) {
      String output =
          AppProcess.run(LoggingApp.class, intake.port(), "annotations", Map.of(), List.of());
      List<ReceivedSpan> spans = intake.spans();

      ReceivedSpan order = only(spans, s -> s.name().equals("cafe.order"));
      ReceivedSpan brew =
          only(
              spans,
              s -> s.name().equals("trace.annotation") && s.resource().equals("LoggingApp.brew"));
      ReceivedSpan failing = only(spans, s -> s.resource().equals("brew failing"));
      ReceivedSpan taste = only(spans, s -> s.resource().equals("LoggingApp.taste"));

      assertThat(order.resource()).isEqualTo("POST /order");
      assertThat(order.parentId()).isZero();
      assertThat(brew.parentId()).isEqualTo(order.spanId());
      assertThat(brew.traceId()).isEqualTo(order.traceId());
      assertThat(List.of(order, brew, failing, taste))
          .allSatisfy(span -> assertThat(span.meta()).containsEntry("component", "trace"));
      assertThat(failing.name()).isEqualTo("cafe.brew");
      assertThat(failing.error()).isEqualTo(1);
      assertThat(failing.meta())
          .containsEntry("error.type", "java.lang.IllegalStateException")
          .containsEntry("error.message", "no espresso today");
      assertThat(taste.service()).isEqualTo("taster");
      assertThat(order.service()).isEqualTo("selfcall");
      assertThat(intake.problems()).isEmpty();

      Map<String, LogLine> lines = logLines(output);
      String traceId = fullTraceId(order);
      assertThat(traceId).hasSize(32);
      assertThat(lines.get("order ipa"))
          .isEqualTo(new LogLine(traceId, Long.toUnsignedString(order.spanId()), "selfcall", "it"));
      assertThat(lines.get("brewing ipa").spanId()).isEqualTo(Long.toUnsignedString(brew.spanId()));
      assertThat(lines.get("served ipa").spanId()).isEqualTo(Long.toUnsignedString(order.spanId()));
      assertThat(lines.get("tasting").spanId()).isEqualTo(Long.toUnsignedString(taste.spanId()));
      assertThat(List.of("starting", "refunded", "done"))
          .allSatisfy(
              message -> assertThat(lines.get(message)).isEqualTo(new LogLine("", "", "", "")));
    }
  }

  @Test
  void decimalTraceIds_whenTheSystemPropertyTurns128BitLoggingOff() throws Exception {
    try (FakeIntake intake = new FakeIntake()) {
      String output =
          AppProcess.run(
              LoggingApp.class,
              intake.port(),
              "logs-decimal",
              Map.of(),
              List.of("-Ddd.trace.128.bit.traceid.logging.enabled=false"));

      ReceivedSpan order = only(intake.spans(), s -> s.name().equals("cafe.order"));
      assertThat(logLines(output).get("order ipa").traceId())
          .isEqualTo(Long.toUnsignedString(order.traceId()));
    }
  }

  @Test
  void switches_turnAnnotationsAndLogInjectionOff() throws Exception {
    try (FakeIntake intake = new FakeIntake()) {
      String output =
          AppProcess.run(
              LoggingApp.class,
              intake.port(),
              "switched-off",
              Map.of("DD_TRACE_ANNOTATIONS_ENABLED", "false", "DD_LOGS_INJECTION", "false"),
              List.of());

      assertThat(intake.spans()).extracting(ReceivedSpan::name).containsExactly("manual.marker");
      assertThat(logLines(output))
          .containsKeys("order ipa", "manual")
          .allSatisfy((message, line) -> assertThat(line.spanId()).isEmpty());
    }
  }
}
