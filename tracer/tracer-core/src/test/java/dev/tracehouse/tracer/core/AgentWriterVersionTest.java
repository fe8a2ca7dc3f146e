package dev.tracehouse.tracer.core;

import static dev.tracehouse.tracer.core.AgentWriterTest.calls;
import static dev.tracehouse.tracer.core.AgentWriterTest.chunk;
import static dev.tracehouse.tracer.core.AgentWriterTest.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which endpoint the writer uses: v0.5 only when enabled and listed by the agent's {@code /info}.
 */
class AgentWriterVersionTest {

  private static final String INFO_WITH_V05 =
      "{\"version\":\"7.65.0\",\"endpoints\":[\"/v0.4/traces\",\"/v0.5/traces\"]}";
  private static final String INFO_WITHOUT_V05 = "{\"endpoints\":[\"/v0.4/traces\"]}";

  /** Like {@code AgentWriterTest}'s config with {@code dd.trace.agent.v0.5.enabled=true}. */
  private static TracerConfig v05Config(int port) {
    Map<String, String> properties =
        Map.of(
            "dd.agent.host", "127.0.0.1",
            "dd.trace.agent.port", Integer.toString(port),
            "dd.trace.agent.v0.5.enabled", "true");
    return TracerConfig.from(
        properties::get,
        env -> null,
        problem -> {
          throw new AssertionError(problem);
        });
  }

  @Test
  void write_usesV05WhenEnabledAndListedByTheAgentsInfo() throws IOException {
    List<String> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (FakeAgent agent = new FakeAgent()) {
      agent.info(INFO_WITH_V05);
      AgentWriter writer = AgentWriter.start(v05Config(agent.port()), answers::add);
      writer.write(chunk(1));
      writer.write(chunk(2));

      await().until(() -> writer.sentTraces() == 2);
      writer.close();

      List<String> calls = calls(agent);
      assertThat(calls.get(0)).isEqualTo("GET /info");
      assertThat(calls.subList(1, calls.size())).isNotEmpty().containsOnly("PUT /v0.5/traces");
      FakeAgent.Request put = agent.requests().get(1);
      assertThat(put.headers().getFirst("Content-Type")).isEqualTo("application/msgpack");
      List<List<SpanData>> chunks = SpanData.decodeV05(put.body());
      assertThat(put.headers().getFirst("X-Datadog-Trace-Count")).isEqualTo("" + chunks.size());
      assertThat(chunks.get(0).get(0).name()).isEqualTo("op1");
      assertThat(answers).isNotEmpty();
    }
  }

  @Test
  void write_staysOnV04WhenTheAgentsInfoDoesNotListV05OrIsMissing() throws IOException {
    for (String info : java.util.Arrays.asList(INFO_WITHOUT_V05, null)) {
      try (FakeAgent agent = new FakeAgent()) {
        agent.info(info);
        AgentWriter writer = AgentWriter.start(v05Config(agent.port()), answer -> {});
        writer.write(chunk(1));

        await().until(() -> writer.sentTraces() == 1);
        writer.close();

        assertThat(calls(agent))
            .as("info %s", info)
            .containsExactly("GET /info", "PUT /v0.4/traces");
      }
    }
  }

  @Test
  void write_neverAsksForInfoWhenV05IsDisabled() throws IOException {
    try (FakeAgent agent = new FakeAgent()) {
      agent.info(INFO_WITH_V05);
      AgentWriter writer = AgentWriter.start(config(agent.port()), answer -> {});
      writer.write(chunk(1));

      await().until(() -> writer.sentTraces() == 1);
      writer.close();

      assertThat(calls(agent)).containsExactly("PUT /v0.4/traces");
    }
  }

  @Test
  void send_asksForInfoAgainAfterV05AnswersNotFound() throws IOException {
    try (FakeAgent agent = new FakeAgent()) {
      agent.info(INFO_WITH_V05);
      agent.answerOnce(404);
      AgentWriter writer = AgentWriter.start(v05Config(agent.port()), answer -> {});

      writer.write(chunk(1));

      await().until(() -> writer.sentTraces() == 1);
      writer.close();
      assertThat(calls(agent))
          .containsExactly("GET /info", "PUT /v0.5/traces", "GET /info", "PUT /v0.5/traces");
      assertThat(writer.droppedTraces()).isZero();
    }
  }

  /** A finished one-span chunk whose trace the application dropped (priority -1). */
}
