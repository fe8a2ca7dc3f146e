package dev.tracehouse.tracer.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.testapp.RoutesApp;
import dev.tracehouse.tracer.agent.FakeIntake.ReceivedSpan;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link RoutesApp} (Javalin) with the real agent jar: server spans are named after the route
 * template, unmatched 404s are named {@code 404}, and asynchronous requests end when the response
 * completes, with its final status.
 */
class RoutesIT extends AgentJarIT {

  @Test
  void serverSpans_areNamedAfterTheRouteTemplate() throws Exception {
    try (FakeIntake intake = new FakeIntake();
        AppProcess app = AppProcess.start(RoutesApp.class, intake.port(), "routes", "/beers/ipa")) {
      assertThat(app.get("/beers/stout").statusCode()).isEqualTo(200);
      assertThat(app.get("/beers/unknown").statusCode()).isEqualTo(404);
      assertThat(app.get("/no/such/page").statusCode()).isEqualTo(404);

      ReceivedSpan stout = await(intake, s -> "/beers/stout".equals(urlPath(s)));
      assertThat(stout.resource()).isEqualTo("GET /beers/{name}");
      assertThat(stout.meta()).containsEntry("http.route", "/beers/{name}");
      ReceivedSpan unknown = await(intake, s -> "/beers/unknown".equals(urlPath(s)));
      assertThat(unknown.resource()).isEqualTo("GET /beers/{name}");
      assertThat(unknown.meta()).containsEntry("http.status_code", "404");
      ReceivedSpan unmatched = await(intake, s -> "/no/such/page".equals(urlPath(s)));
      assertThat(unmatched.resource()).isEqualTo("404");
      assertThat(unmatched.error()).isZero();
      assertThat(unmatched.meta())
          .containsEntry("http.status_code", "404")
          .doesNotContainKey("http.route");
    }
  }

  @Test
  void asyncRequests_endWithTheirFinalStatusOrTimeout() throws Exception {
    try (FakeIntake intake = new FakeIntake();
        AppProcess app = AppProcess.start(RoutesApp.class, intake.port(), "async", "/beers/ipa")) {
      assertThat(app.get("/brew/ipa").statusCode()).isEqualTo(202);
      assertThat(app.get("/brew/stout").statusCode()).isEqualTo(503);
      assertThat(app.get("/beers/ipa").statusCode()).isEqualTo(200);

      ReceivedSpan ipa = await(intake, s -> "/brew/ipa".equals(urlPath(s)));
      assertThat(ipa.resource()).isEqualTo("GET /brew/{name}");
      assertThat(ipa.meta()).containsEntry("http.status_code", "202");
      assertThat(ipa.error()).isZero();
      ReceivedSpan work =
          await(intake, s -> s.name().equals("brew.async") && s.traceId() == ipa.traceId());
      assertThat(work.parentId()).isEqualTo(ipa.spanId());
      assertThat(work.start() + work.duration()).isLessThanOrEqualTo(ipa.start() + ipa.duration());

      ReceivedSpan stout = await(intake, s -> "/brew/stout".equals(urlPath(s)));
      assertThat(stout.meta()).containsEntry("http.status_code", "503");
      assertThat(stout.error()).isEqualTo(1);

      assertThat(app.get("/slow").statusCode()).isEqualTo(500);
      ReceivedSpan slow = await(intake, s -> "/slow".equals(urlPath(s)));
      assertThat(slow.error()).isEqualTo(1);
      assertThat(slow.meta())
          .containsEntry("http.status_code", "500")
          .containsEntry("error.message", "asynchronous request timed out");

      List<ReceivedSpan> afterwards =
          Awaitility.await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () ->
                      intake.spans().stream().filter(s -> "/beers/ipa".equals(urlPath(s))).toList(),
                  found -> found.size() >= 2);
      assertThat(afterwards)
          .as("requests on the same threads start new traces: no async span left active")
          .allSatisfy(span -> assertThat(span.parentId()).isZero())
          .extracting(ReceivedSpan::traceId)
          .doesNotContain(ipa.traceId(), stout.traceId());
      assertThat(intake.problems()).isEmpty();
    }
  }

  private static String urlPath(ReceivedSpan span) {
    String url = span.meta().get("http.url");
    return url == null || !span.name().equals("web.request")
        ? null
        : url.substring(url.indexOf('/', url.indexOf("//") + 2));
  }

  private static ReceivedSpan await(FakeIntake intake, Predicate<ReceivedSpan> match) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> intake.spans().stream().filter(match).findFirst(), found -> found.isPresent())
        .orElseThrow();
  }
}
