package dev.tracehouse.tracer.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.testapp.ConcurrencyApp;
import dev.tracehouse.tracer.agent.FakeIntake.ReceivedSpan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link ConcurrencyApp} with the real agent jar: the span active when work is submitted to a
 * JDK executor is the parent of the spans (and in the MDC of the log lines) of that work, and no
 * span stays active on the pool thread afterwards.
 */
class ConcurrencyIT extends AgentJarIT {

  private static final List<String> WAYS =
      List.of("execute", "submit", "schedule", "forkjoin", "supplyAsync", "thenApplyAsync");
  private static final Pattern IN_TASK =
      Pattern.compile("INFO +ConcurrencyApp trace=\\S* span=(\\S*) .* - in (\\S+)");

  @Test
  void submittedWork_runsInTheSubmittingSpan_andLeavesNothingOnThePoolThread() throws Exception {
    try (FakeIntake intake = new FakeIntake()) {
      String output =
          AppProcess.run(ConcurrencyApp.class, intake.port(), "concurrency", Map.of(), List.of());
      List<ReceivedSpan> spans = intake.spans();
      Map<String, String> loggedSpanIds = loggedSpanIds(output);

      for (String way : WAYS) {
        ReceivedSpan submit = only(spans, "submit." + way);
        ReceivedSpan task = only(spans, "task." + way);
        assertThat(task.traceId()).as(way).isEqualTo(submit.traceId());
        assertThat(task.parentId()).as(way).isEqualTo(submit.spanId());
        assertThat(loggedSpanIds.get(way))
            .as(way)
            .isEqualTo(Long.toUnsignedString(submit.spanId()));
        assertThat(output).contains("leak " + way + "=false");
      }
      assertThat(only(spans, "task.periodic").parentId())
          .as("a periodic task outlives its request: no context")
          .isZero();
      assertThat(loggedSpanIds.get("periodic")).isEmpty();
      assertThat(intake.problems()).isEmpty();
    }
  }

  @Test
  void switch_turnsTheHandOverOff() throws Exception {
    try (FakeIntake intake = new FakeIntake()) {
      String output =
          AppProcess.run(
              ConcurrencyApp.class,
              intake.port(),
              "concurrency-off",
              Map.of("DD_TRACE_JAVA_CONCURRENT_ENABLED", "false"),
              List.of());

      for (String way : WAYS) {
        assertThat(only(intake.spans(), "task." + way).parentId()).as(way).isZero();
        assertThat(loggedSpanIds(output).get(way)).as(way).isEmpty();
      }
    }
  }

  /** The span id each task's {@code in <way>} log line carried, by way. */
  private static Map<String, String> loggedSpanIds(String output) {
    Map<String, String> ids = new HashMap<>();
    for (String line : output.split("\\R")) {
      Matcher match = IN_TASK.matcher(line);
      if (match.matches()) {
        ids.put(match.group(2), match.group(1));
      }
    }
    return ids;
  }

  private static ReceivedSpan only(List<ReceivedSpan> spans, String name) {
    List<ReceivedSpan> found = spans.stream().filter(s -> s.name().equals(name)).toList();
    assertThat(found).as(name).hasSize(1);
    return found.get(0);
  }
}
