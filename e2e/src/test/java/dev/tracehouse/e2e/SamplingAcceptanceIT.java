package dev.tracehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracehouse.e2e.SentTrace.Fate;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 3, acceptance 4, over HTTP against the real server process. For one minute a simulated
 * Datadog client offers 1,000 traces/s of one service and applies the {@code rate_by_service} it
 * gets back, while a Zipkin client offers 1,000 traces/s of another service without any priority.
 * The server aims at {@code DD_APM_MAX_TPS=10} and keeps at most {@code DD_APM_ERROR_TPS=2} dropped
 * error traces a second. Checked: the client's kept traces settle near 10/s, the store holds
 * exactly those plus user-kept traces plus some of the dropped error traces (never a user-dropped
 * one), and the agent samples the Zipkin traces near 10/s by itself.
 */
class SamplingAcceptanceIT {
  private static final int TRACES_PER_SECOND = 1000;
  private static final Duration TICK = Duration.ofMillis(100);
  private static final Duration LOAD = Duration.ofSeconds(60);
  private static final Duration SETTLED = Duration.ofSeconds(20);
  private static final int SPANS_PER_TRACE = 2;

  @Test
  void clientApplyingRates_settlesNearTarget_andTheStoreHoldsOnlyKeptTraces() throws Exception {
    try (ServerProcess server =
        ServerProcess.start(Map.of("DD_APM_MAX_TPS", "10", "DD_APM_ERROR_TPS", "2"))) {
      SimulatedDatadogClient datadog =
          new SimulatedDatadogClient(server.intake("/v0.4/traces"), 20261203L);
      SimulatedZipkinClient zipkin =
          new SimulatedZipkinClient(server.zipkin("/api/v2/spans"), 20261204L);
      long loadStart = System.currentTimeMillis() * 1_000_000L;
      runLoad(datadog, zipkin);
      long loadEnd = System.currentTimeMillis() * 1_000_000L;
      long settledFrom = loadEnd - SETTLED.toNanos();
      int sentTraces = datadog.sent().size() + zipkin.sent().size();
      assertThat(sentTraces).as("traces sent").isGreaterThan(2 * TRACES_PER_SECOND * 50);

      long keptSpans = awaitPipeline(server, sentTraces * SPANS_PER_TRACE);
      long from = loadStart - Duration.ofSeconds(1).toNanos();
      long to = loadEnd + Duration.ofSeconds(1).toNanos();
      Stored stored = awaitStored(server, from, to, keptSpans);
      Map<String, JsonNode> storedDatadog = stored.datadog();
      Map<String, JsonNode> storedZipkin = stored.zipkin();

      // The client's kept traces settle near the target, with a rate near 10 / 1000.
      double clientKeptPerSecond =
          count(datadog.sent(), EnumSet.of(Fate.CLIENT_KEPT), settledFrom, loadEnd)
              / (double) SETTLED.toSeconds();
      assertThat(clientKeptPerSecond).isBetween(7.0, 13.0);
      assertThat(datadog.rate()).isBetween(0.005, 0.02);

      // The store holds what the client kept, what the user kept, and some dropped error traces.
      assertThat(storedDatadog.keySet())
          .containsAll(ids(datadog.sent(), EnumSet.of(Fate.CLIENT_KEPT, Fate.USER_KEPT)))
          .doesNotContainAnyElementsOf(
              ids(datadog.sent(), EnumSet.of(Fate.DROPPED, Fate.USER_DROPPED)));
      Set<String> errorKept = new HashSet<>(storedDatadog.keySet());
      errorKept.removeAll(ids(datadog.sent(), EnumSet.of(Fate.CLIENT_KEPT, Fate.USER_KEPT)));
      assertThat(ids(datadog.sent(), EnumSet.of(Fate.DROPPED_ERROR))).containsAll(errorKept);
      long errorKeptSettled =
          datadog.sent().stream()
              .filter(t -> errorKept.contains(t.traceId()) && t.startedIn(settledFrom, loadEnd))
              .count();
      assertThat(errorKeptSettled / (double) SETTLED.toSeconds()).isBetween(1.0, 4.0);
      assertThat(storedDatadog.values())
          .allSatisfy(s -> assertThat(s.path("spanCount").asInt()).isEqualTo(SPANS_PER_TRACE));

      // Why each was kept, on the root span.
      assertReason(server, datadog.sent(), Fate.CLIENT_KEPT, storedDatadog, "auto");
      assertReason(server, datadog.sent(), Fate.USER_KEPT, storedDatadog, "manual");
      JsonNode errorRoot = root(server, errorKept.iterator().next());
      assertThat(errorRoot.path("meta").path("_dd.ingestion_reason").asText()).isEqualTo("error");
      assertThat(errorRoot.path("metrics").path("_dd.errors_sr").asDouble()).isBetween(0.0, 1.0);

      // Traces without a priority: the agent samples them near the same target by itself.
      assertThat(ids(zipkin.sent(), EnumSet.of(Fate.NO_PRIORITY)))
          .containsAll(storedZipkin.keySet());
      long zipkinSettled =
          zipkin.sent().stream()
              .filter(t -> storedZipkin.containsKey(t.traceId()))
              .filter(t -> t.startedIn(settledFrom, loadEnd))
              .count();
      assertThat(zipkinSettled / (double) SETTLED.toSeconds()).isBetween(7.0, 13.0);
      System.out.printf(
          "SamplingAcceptanceIT: over the last %d s, client kept %.1f/s (rate %.4f), error"
              + " sampler %.1f/s, Zipkin kept by the agent %.1f/s; stored %d Datadog and %d Zipkin"
              + " traces of %d sent%n",
          SETTLED.toSeconds(),
          clientKeptPerSecond,
          datadog.rate(),
          errorKeptSettled / (double) SETTLED.toSeconds(),
          zipkinSettled / (double) SETTLED.toSeconds(),
          storedDatadog.size(),
          storedZipkin.size(),
          sentTraces);
    }
  }

  /** Both clients send a batch every tick for {@link #LOAD}; fails with a batch's failure. */
  private static void runLoad(SimulatedDatadogClient datadog, SimulatedZipkinClient zipkin)
      throws InterruptedException {
    int perTick = (int) (TRACES_PER_SECOND * TICK.toMillis() / 1000);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    for (Runnable batch :
        List.<Runnable>of(() -> datadog.sendBatch(perTick), () -> zipkin.sendBatch(perTick))) {
      scheduler.scheduleAtFixedRate(
          () -> {
            try {
              batch.run();
            } catch (RuntimeException | AssertionError e) {
              failure.compareAndSet(null, e);
              throw e;
            }
          },
          0,
          TICK.toMillis(),
          TimeUnit.MILLISECONDS);
    }
    scheduler.schedule(scheduler::shutdown, LOAD.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(scheduler.awaitTermination(LOAD.toSeconds() + 30, TimeUnit.SECONDS)).isTrue();
    assertThat(failure.get()).as("a batch failed").isNull();
  }

  /**
   * Waits until the pipeline took every span sent ({@code /api/agent/status}) and returns how many
   * of them the samplers kept.
   */
  private static long awaitPipeline(ServerProcess server, long sentSpans) {
    JsonNode pipeline =
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> Http.get(server.web("/api/agent/status")).json().path("pipeline"),
                p -> p.path("spans_accepted").asLong() == sentSpans);
    return sentSpans - pipeline.path("sampling.dropped_spans").asLong();
  }

  /** The stored traces of both clients' services, by trace id. */
  private record Stored(Map<String, JsonNode> datadog, Map<String, JsonNode> zipkin) {
    long spans() {
      return StoredTraces.spanCount(datadog) + StoredTraces.spanCount(zipkin);
    }
  }

  /** Waits until the store holds every kept span. */
  private static Stored awaitStored(ServerProcess server, long from, long to, long keptSpans) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                new Stored(
                    StoredTraces.of(server, SimulatedDatadogClient.SERVICE, from, to),
                    StoredTraces.of(server, SimulatedZipkinClient.SERVICE, from, to)),
            stored -> stored.spans() == keptSpans);
  }

  private static void assertReason(
      ServerProcess server,
      List<SentTrace> sent,
      Fate fate,
      Map<String, JsonNode> stored,
      String reason) {
    String traceId = ids(sent, EnumSet.of(fate)).iterator().next();
    assertThat(stored).containsKey(traceId);
    assertThat(root(server, traceId).path("meta").path("_dd.ingestion_reason").asText())
        .as("%s trace %s", fate, traceId)
        .isEqualTo(reason);
  }

  private static JsonNode root(ServerProcess server, String traceId) {
    return TraceApi.spans(server, traceId).stream()
        .filter(s -> s.path("parentId").asText().equals("0"))
        .findFirst()
        .orElseThrow();
  }

  private static Set<String> ids(List<SentTrace> sent, Set<Fate> fates) {
    return sent.stream()
        .filter(t -> fates.contains(t.fate()))
        .map(SentTrace::traceId)
        .collect(Collectors.toSet());
  }

  private static long count(List<SentTrace> sent, Set<Fate> fates, long from, long to) {
    return sent.stream().filter(t -> fates.contains(t.fate()) && t.startedIn(from, to)).count();
  }
}
