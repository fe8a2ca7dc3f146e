package dev.tracehouse.tracer.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sampling decisions as they reach the agent (encoded root tags) and downstream (headers). */
class SamplingTest {

  private static final String CAFE_RATE_ZERO =
      "{\"rate_by_service\": {\"service:cafe,env:workshop\": 0, \"service:,env:\": 1}}";

  private final InMemoryWriter writer = new InMemoryWriter();
  private final FakeTime time = new FakeTime(1_795_621_294_000_000_000L);

  private CoreTracer tracer(SamplingConfig sampling) {
    return new CoreTracer(
        new TracerConfig("cafe", "workshop", "1.2.3", "localhost", 8126).withSampling(sampling),
        writer,
        time);
  }

  private CoreTracer tracer() {
    return tracer(SamplingConfig.AGENT_RATES);
  }

  private static SamplingConfig rules(SamplingRule... rules) {
    return new SamplingConfig(List.of(rules), null, 100);
  }

  private static SamplingRule rule(String service, String name, String resource, double rate) {
    return new SamplingRule(service, name, resource, Map.of(), rate);
  }

  private SpanData onlyRoot() {
    return writer.spans().stream().filter(span -> span.parentId() == 0).findFirst().orElseThrow();
  }

  @Test
  void newTrace_beforeAnyAgentAnswerIsKeptByTheDefaultRate() {
    CoreTracer tracer = tracer();
    try (CoreSpan root = tracer.trace("web.request")) {
      tracer.trace("child").close();
    }

    SpanData root = onlyRoot();
    assertThat(root.meta()).containsEntry("_dd.p.dm", "-0").doesNotContainKey("_dd.p.ksr");
    assertThat(root.metrics())
        .containsEntry("_sampling_priority_v1", 1.0)
        .containsEntry("_dd.agent_psr", 1.0);
    SpanData child =
        writer.spans().stream().filter(span -> span.parentId() != 0).findFirst().orElseThrow();
    assertThat(child.metrics()).doesNotContainKeys("_dd.agent_psr", "_sampling_priority_v1");
  }

  @Test
  void agentRate_appliesToTheRootsServiceAndEnvAndDroppedTracesAreStillWritten() {
    CoreTracer tracer = tracer();
    tracer.sampler().onAgentResponse(CAFE_RATE_ZERO);

    tracer.trace("web.request").close();

    SpanData root = onlyRoot();
    assertThat(root.metrics())
        .containsEntry("_sampling_priority_v1", 0.0)
        .containsEntry("_dd.agent_psr", 0.0);
    assertThat(root.meta()).doesNotContainKey("_dd.p.dm").containsEntry("_dd.p.ksr", "0");
  }

  @Test
  void agentRate_fallsBackToTheDefaultKeyForOtherServices() {
    CoreTracer tracer = tracer();
    tracer.sampler().onAgentResponse(CAFE_RATE_ZERO);

    tracer.trace("web.request").setService("barista").close();

    SpanData root = onlyRoot();
    assertThat(root.metrics()).containsEntry("_sampling_priority_v1", 1.0);
    assertThat(root.meta()).containsEntry("_dd.p.dm", "-1").containsEntry("_dd.p.ksr", "1");
  }

  @Test
  void agentRate_headersMatchWhatDdJavaAgentSendsForAKeptTrace() {
    CoreTracer tracer = tracer();
    tracer.sampler().onAgentResponse("{\"rate_by_service\": {\"service:,env:\": 1}}");

    try (CoreSpan span = tracer.trace("cafe.order")) {
      Map<String, String> headers = tracer.propagation().inject(span);
      String tid = Hex.of(span.trace().traceIdHigh());

      assertThat(headers)
          .containsEntry("x-datadog-sampling-priority", "1")
          .containsEntry("x-datadog-tags", "_dd.p.dm=-1,_dd.p.tid=" + tid + ",_dd.p.ksr=1")
          .containsEntry(
              "tracestate",
              "dd=s:1;p:" + Hex.of(span.spanId()) + ";t.dm:-1;t.tid:" + tid + ";t.ksr:1");
    }
  }

  @Test
  void agentRate_unsampledHeadersCarryNoDecisionMaker() {
    CoreTracer tracer = tracer();
    tracer.sampler().onAgentResponse(CAFE_RATE_ZERO);

    try (CoreSpan span = tracer.trace("cafe.order")) {
      Map<String, String> headers = tracer.propagation().inject(span);

      assertThat(headers.get("x-datadog-sampling-priority")).isEqualTo("0");
      assertThat(headers.get("x-datadog-tags")).doesNotContain("_dd.p.dm").contains("_dd.p.ksr=0");
      assertThat(headers.get("traceparent")).endsWith("-00");
      assertThat(headers.get("tracestate")).startsWith("dd=s:0;").doesNotContain("t.dm");
    }
  }

  @Test
  void keeps_isTheKnuthHashOfTheTraceIdBelowRateTimesTwoToThe64() {
    java.math.BigInteger twoTo64 = java.math.BigInteger.ONE.shiftLeft(64);
    java.math.BigInteger knuth = java.math.BigInteger.valueOf(1111111111111111111L);
    long[] ids = {1, 2, 3, 42, 6700376570940581545L, -1, Long.MIN_VALUE, 123456789012345L};
    double[] rates = {0.1, 0.5, 0.9};
    for (long id : ids) {
      java.math.BigInteger hash =
          new java.math.BigInteger(Long.toUnsignedString(id)).multiply(knuth).mod(twoTo64);
      for (double rate : rates) {
        boolean expected =
            new java.math.BigDecimal(hash)
                    .compareTo(
                        new java.math.BigDecimal(twoTo64)
                            .multiply(java.math.BigDecimal.valueOf(rate)))
                < 0;
        assertThat(Sampler.keeps(id, rate)).as("id %s rate %s", id, rate).isEqualTo(expected);
      }
      assertThat(Sampler.keeps(id, 1)).isTrue();
      assertThat(Sampler.keeps(id, 0)).isFalse();
    }
  }

  @Test
  void rule_keepsWithUserKeepAndRuleTags() {
    CoreTracer tracer = tracer(rules(rule("caf?", "web.*", null, 1)));

    tracer.trace("web.request").close();

    SpanData root = onlyRoot();
    assertThat(root.metrics())
        .containsEntry("_sampling_priority_v1", 2.0)
        .containsEntry("_dd.rule_psr", 1.0)
        .containsEntry("_dd.limit_psr", 1.0)
        .doesNotContainKey("_dd.agent_psr");
    assertThat(root.meta()).containsEntry("_dd.p.dm", "-3").containsEntry("_dd.p.ksr", "1");
  }

  @Test
  void rule_dropsWithUserDropAndTheFirstMatchingRuleWins() {
    CoreTracer tracer =
        tracer(rules(rule(null, null, "GET /health*", 0), rule(null, null, null, 1)));

    tracer.trace("web.request").setResource("GET /healthz").close();

    SpanData root = onlyRoot();
    assertThat(root.metrics())
        .containsEntry("_sampling_priority_v1", -1.0)
        .containsEntry("_dd.rule_psr", 0.0)
        .doesNotContainKeys("_dd.limit_psr", "_dd.agent_psr");
    assertThat(root.meta()).doesNotContainKey("_dd.p.dm").containsEntry("_dd.p.ksr", "0");
  }

  @Test
  void rule_seesTheResourceSetAfterTheRootStarted() {
    CoreTracer tracer = tracer(rules(rule(null, null, "GET /health*", 0)));

    try (CoreSpan root = tracer.trace("web.request")) {
      root.setResource("GET /health");
    }

    assertThat(onlyRoot().metrics()).containsEntry("_sampling_priority_v1", -1.0);
  }

  @Test
  void rule_matchesTagsLikeDdJavaAgent() {
    SamplingRule byTags =
        new SamplingRule(
            null, null, null, Map.of("http.status_code", "5??", "retries", "3", "env", "work*"), 0);
    CoreTracer tracer = tracer(rules(byTags));

    tracer.trace("a").setTag("http.status_code", "503").setTag("retries", 3).close();
    tracer.trace("b").setTag("http.status_code", "503").setTag("retries", 3.5).close();
    tracer.trace("c").setTag("http.status_code", "200").setTag("retries", 3).close();
    tracer.trace("d").setTag("http.status_code", "503").close();

    assertThat(writer.spans())
        .extracting(span -> span.name() + "=" + span.metrics().get("_sampling_priority_v1"))
        .containsExactly("a=-1.0", "b=1.0", "c=1.0", "d=1.0");
  }

  @Test
  void sampleRate_actsAsARuleAfterTheUserRules() {
    CoreTracer tracer = tracer(new SamplingConfig(List.of(rule("other", null, null, 1)), 0.0, 100));

    tracer.trace("web.request").close();

    SpanData root = onlyRoot();
    assertThat(root.metrics())
        .containsEntry("_sampling_priority_v1", -1.0)
        .containsEntry("_dd.rule_psr", 0.0);
  }

  @Test
  void rateLimit_dropsRuleKeptTracesBeyondTheLimitPerSecond() {
    CoreTracer tracer = tracer(new SamplingConfig(List.of(), 1.0, 1));

    tracer.trace("first").close();
    tracer.trace("second").close();
    time.advance(1_000_000_000L);
    tracer.trace("third").close();

    assertThat(writer.spans())
        .extracting(
            span ->
                span.name()
                    + " "
                    + span.metrics().get("_sampling_priority_v1")
                    + " "
                    + span.metrics().get("_dd.limit_psr")
                    + " "
                    + span.meta().get("_dd.p.dm"))
        .containsExactly("first 2.0 1.0 -3", "second -1.0 0.5 null", "third 2.0 1.0 -3");
  }

  @Test
  void upstreamDecision_isKeptWithoutSamplingAgain() {
    CoreTracer tracer = tracer(rules(rule(null, null, null, 0)));

    tracer.startActive("web.request", new SpanContext(0, 5, 6, 2, "-4")).close();

    SpanData root = writer.spans().get(0);
    assertThat(root.metrics())
        .containsEntry("_sampling_priority_v1", 2.0)
        .doesNotContainKeys("_dd.rule_psr", "_dd.agent_psr");
    assertThat(root.meta()).containsEntry("_dd.p.dm", "-4");
  }

  @Test
  void upstreamWithoutPriority_isSampledHere() {
    CoreTracer tracer = tracer(rules(rule(null, null, null, 0)));

    tracer
        .startActive("web.request", new SpanContext(0, 5, 6, SpanContext.UNSET_PRIORITY, null))
        .close();

    assertThat(writer.spans().get(0).metrics()).containsEntry("_sampling_priority_v1", -1.0);
  }

  @Test
  void decision_madeWhenHeadersAreInjectedDoesNotChangeLater() {
    CoreTracer tracer = tracer(rules(rule(null, null, "GET /health", 0)));

    try (CoreSpan root = tracer.trace("web.request")) {
      assertThat(tracer.propagation().inject(root))
          .containsEntry("x-datadog-sampling-priority", "1");
      root.setResource("GET /health");
    }

    assertThat(onlyRoot().metrics()).containsEntry("_sampling_priority_v1", 1.0);
  }

  @Test
  void keepTrace_overridesTheDecisionWithManualKeep() {
    CoreTracer tracer = tracer();
    tracer.sampler().onAgentResponse(CAFE_RATE_ZERO);

    try (CoreSpan root = tracer.trace("web.request")) {
      tracer.propagation().inject(root);
      try (CoreSpan child = tracer.trace("child")) {
        child.keepTrace();
        assertThat(tracer.propagation().inject(child))
            .containsEntry("x-datadog-sampling-priority", "2")
            .containsEntry(
                "x-datadog-tags",
                "_dd.p.dm=-4,_dd.p.tid=" + Hex.of(root.trace().traceIdHigh()) + ",_dd.p.ksr=0");
      }
    }

    SpanData root = onlyRoot();
    assertThat(root.metrics())
        .containsEntry("_sampling_priority_v1", 2.0)
        .containsEntry("_dd.agent_psr", 0.0);
    assertThat(root.meta()).containsEntry("_dd.p.dm", "-4");
  }

  @Test
  void dropTrace_andManualTags_setUserPriorityAndAreNotStoredAsMeta() {
    CoreTracer tracer = tracer();

    tracer.trace("dropped").dropTrace().close();
    tracer.trace("kept").setTag("manual.keep", true).close();
    tracer.trace("dropped.by.tag").setTag("manual.drop", "true").close();
    tracer.trace("ignored").setTag("manual.keep", false).close();

    assertThat(writer.spans())
        .extracting(
            span ->
                span.name()
                    + " "
                    + span.metrics().get("_sampling_priority_v1")
                    + " "
                    + span.meta().get("_dd.p.dm"))
        .containsExactly(
            "dropped -1.0 null", "kept 2.0 -4", "dropped.by.tag -1.0 null", "ignored 1.0 -0");
    assertThat(writer.spans())
        .allSatisfy(
            span -> assertThat(span.meta()).doesNotContainKeys("manual.keep", "manual.drop"));
  }
}
