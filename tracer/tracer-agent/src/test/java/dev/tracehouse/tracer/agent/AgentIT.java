package dev.tracehouse.tracer.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tracehouse.tracer.agent.FakeIntake.ReceivedSpan;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Runs {@link SelfCallingApp} with the real agent jar against a fake Datadog agent. */
class AgentIT extends AgentJarIT {

  @Test
  void agent_tracesServerClientServerAsOneTrace() throws Exception {
    long before = Instant.now().getEpochSecond();
    try (FakeIntake intake = new FakeIntake();
        AppProcess app = AppProcess.start(intake.port(), "one-trace")) {
      HttpResponse<String> response = app.get("/outer");
      long after = Instant.now().getEpochSecond();

      assertThat(response.body()).isEqualTo("outer:inner");
      ReceivedSpan outer = await(intake, span -> span.resource().equals("GET /outer"));
      assertThat(outer.name()).isEqualTo("web.request");
      List<ReceivedSpan> trace =
          awaitTrace(intake, outer.traceId(), 3, "client and inner server span of " + outer);
      ReceivedSpan client = only(trace, s -> s.name().equals("http.request"));
      ReceivedSpan inner =
          only(trace, s -> s.name().equals("web.request") && s.resource().equals("GET /inner"));

      assertThat(outer.parentId()).isZero();
      assertThat(client.parentId()).isEqualTo(outer.spanId());
      assertThat(inner.parentId()).isEqualTo(client.spanId());
      assertThat(trace).allSatisfy(span -> assertThat(span.duration()).isPositive());
      assertThat(trace)
          .allSatisfy(span -> assertThat(span.meta()).containsEntry("env", "it"))
          .allSatisfy(span -> assertThat(span.service()).isEqualTo("selfcall"));

      assertThat(outer.type()).isEqualTo("web");
      assertThat(outer.meta())
          .containsEntry("span.kind", "server")
          .containsEntry("http.status_code", "200");
      assertThat(client.type()).isEqualTo("http");
      assertThat(client.resource()).isEqualTo("GET /inner");
      assertThat(client.meta())
          .containsEntry("span.kind", "client")
          .containsEntry("http.url", "http://127.0.0.1:" + app.port() + "/inner")
          .containsEntry("http.status_code", "200");

      String tid = outer.meta().get("_dd.p.tid");
      assertThat(inner.meta()).containsEntry("_dd.p.tid", tid);
      long startSecond = Long.parseUnsignedLong(tid, 16) >>> 32;
      assertThat(tid).endsWith("00000000");
      assertThat(startSecond).isBetween(before, after);
      assertThat(outer.metrics()).containsEntry("_sampling_priority_v1", 1.0);
      assertThat(intake.problems()).isEmpty();
    }
  }

  @Test
  void agent_recordsManualSpansAndServerErrors() throws Exception {
    try (FakeIntake intake = new FakeIntake();
        AppProcess app = AppProcess.start(intake.port(), "manual-and-errors")) {
      assertThat(app.get("/manual").body()).isEqualTo("active");
      assertThat(app.get("/fail").statusCode()).isEqualTo(500);

      ReceivedSpan manual = await(intake, span -> span.name().equals("best_match"));
      ReceivedSpan server = await(intake, span -> span.resource().equals("GET /manual"));
      assertThat(manual.parentId()).isEqualTo(server.spanId());
      assertThat(manual.traceId()).isEqualTo(server.traceId());
      assertThat(manual.resource()).isEqualTo("best_match ipa");
      assertThat(manual.meta()).containsEntry("beer.name", "ipa");

      ReceivedSpan failed = await(intake, span -> span.resource().equals("GET /fail"));
      assertThat(failed.error()).isEqualTo(1);
      assertThat(failed.meta()).containsEntry("http.status_code", "500");
    }
  }

  @Test
  void agent_appAnswersWhenAgentPortIsClosed() throws Exception {
    try (AppProcess app = AppProcess.start(AppProcess.freePort(), "agent-down")) {
      for (int i = 0; i < 3; i++) {
        assertThat(app.get("/outer").body()).isEqualTo("outer:inner");
      }
      assertThat(app.output()).doesNotContain("Exception in thread");
    }
  }

  private static ReceivedSpan await(FakeIntake intake, Predicate<ReceivedSpan> match) {
    return org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> intake.spans().stream().filter(match).findFirst(), found -> found.isPresent())
        .orElseThrow();
  }

  private static List<ReceivedSpan> awaitTrace(
      FakeIntake intake, long traceId, int size, String what) {
    return org.awaitility.Awaitility.await(what)
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> intake.spans().stream().filter(s -> s.traceId() == traceId).toList(),
            spans -> spans.size() >= size);
  }

  private static ReceivedSpan only(List<ReceivedSpan> spans, Predicate<ReceivedSpan> match) {
    List<ReceivedSpan> found = spans.stream().filter(match).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
