package dev.tracehouse.tracer.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tracehouse.tracer.Span;
import dev.tracehouse.tracer.Tracer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

/** The writer's batching, retries, drops and shutdown; {@link AgentWriterVersionTest} has v0.5. */
class AgentWriterTest {

  /** A finished one-span chunk, as the tracer hands it to its writer. */
  static List<CoreSpan> chunk(long number) {
    InMemoryWriter memory = new InMemoryWriter();
    InMemoryWriter.tracer(memory).trace("op" + number).close();
    return memory.writtenChunks().get(0);
  }

  static TracerConfig config(int port) {
    return new TracerConfig("svc", null, null, "127.0.0.1", port);
  }

  /** Method and path of every request the agent received. */
  static List<String> calls(FakeAgent agent) {
    return agent.requests().stream().map(r -> r.method() + " " + r.path()).toList();
  }

  @Test
  void write_sendsChunksToAgentWithDatadogHeaders() throws IOException {
    try (FakeAgent agent = new FakeAgent()) {
      AgentWriter writer = AgentWriter.start(config(agent.port()), answer -> {});
      writer.write(chunk(1));
      writer.write(chunk(2));

      await().until(() -> writer.sentTraces() == 2);
      writer.close();

      FakeAgent.Request request = agent.requests().get(0);
      assertThat(request.method()).isEqualTo("PUT");
      assertThat(request.path()).isEqualTo("/v0.4/traces");
      assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/msgpack");
      assertThat(request.headers().getFirst("Datadog-Meta-Lang")).isEqualTo("java");
      assertThat(request.headers().getFirst("Datadog-Meta-Lang-Version"))
          .isEqualTo(System.getProperty("java.version"));
      assertThat(request.headers().getFirst("Datadog-Meta-Tracer-Version")).isNotBlank();
      int chunksInBody = 0;
      for (FakeAgent.Request each : agent.requests()) {
        try (MessageUnpacker in = MessagePack.newDefaultUnpacker(each.body())) {
          int count = in.unpackArrayHeader();
          assertThat(each.headers().getFirst("X-Datadog-Trace-Count")).isEqualTo("" + count);
          chunksInBody += count;
        }
      }
      assertThat(chunksInBody).isEqualTo(2);
      assertThat(writer.droppedTraces()).isZero();
    }
  }

  @Test
  void send_keepsTheConnectionToTheAgentOpenBetweenPayloads() throws IOException {
    try (FakeAgent agent = new FakeAgent()) {
      AgentWriter writer = AgentWriter.start(config(agent.port()), answer -> {});
      writer.write(chunk(1));
      await().until(() -> writer.sentTraces() == 1);
      writer.write(chunk(2));
      await().until(() -> writer.sentTraces() == 2);
      writer.close();

      List<FakeAgent.Request> sent = agent.requests();
      assertThat(sent.get(1).clientPort()).isEqualTo(sent.get(0).clientPort());
    }
  }

  @Test
  void write_wakesTheWriterWhenAFullBatchIsQueued() throws IOException {
    try (FakeAgent agent = new FakeAgent()) {
      AgentWriter writer =
          new AgentWriter(
              new AgentClient("127.0.0.1", agent.port()),
              false,
              answer -> {},
              1024,
              TimeUnit.HOURS.toNanos(1));
      writer.startThread();

      // Whether or not the writer's first (empty) drain raced with these writes, the queue passes
      // MAX_BATCH at least once after it went to sleep for an hour.
      for (int i = 0; i < 2 * AgentWriter.MAX_BATCH; i++) {
        writer.write(chunk(i));
      }

      await().until(() -> writer.sentTraces() >= AgentWriter.MAX_BATCH);
      writer.close();
    }
  }

  @Test
  void send_handsEverySuccessfulAnswerToTheListener() throws IOException {
    List<String> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (FakeAgent agent = new FakeAgent()) {
      AgentWriter writer = AgentWriter.start(config(agent.port()), answers::add);
      writer.write(chunk(1));

      await().until(() -> !answers.isEmpty());
      writer.close();
    }

    assertThat(answers).containsExactly("{\"rate_by_service\":{\"service:,env:\":1}}");
  }

  private static List<CoreSpan> droppedChunk(int spans) {
    InMemoryWriter memory = new InMemoryWriter();
    Tracer tracer = InMemoryWriter.tracer(memory);
    try (Span dropped = tracer.trace("root").dropTrace()) {
      for (int i = 1; i < spans; i++) {
        tracer.trace("child" + i).close();
      }
    }
    return memory.writtenChunks().get(0);
  }

  @Test
  void send_retriesWithBackoffWhenTheAgentAnswersRetryableErrors() throws IOException {
    try (FakeAgent agent = new FakeAgent()) {
      agent.answerOnce(503, 429);
      AgentWriter writer = AgentWriter.start(config(agent.port()), answer -> {});

      writer.write(chunk(1));

      await().until(() -> writer.sentTraces() == 1);
      writer.close();
      assertThat(calls(agent))
          .containsExactly("PUT /v0.4/traces", "PUT /v0.4/traces", "PUT /v0.4/traces");
      assertThat(writer.droppedTraces()).isZero();
    }
  }

  @Test
  void send_givesUpAfterMaxAttempts() throws IOException {
    try (FakeAgent agent = new FakeAgent()) {
      agent.answer(503);
      AgentWriter writer = AgentWriter.start(config(agent.port()), answer -> {});

      writer.write(chunk(1));

      await().until(() -> writer.droppedTraces() == 1);
      writer.close();
      assertThat(agent.requests()).hasSize(AgentWriter.MAX_ATTEMPTS);
    }
  }

  @Test
  void send_doesNotRetryAPayloadTheAgentRejected() throws IOException {
    try (FakeAgent agent = new FakeAgent()) {
      agent.answerOnce(400);
      AgentWriter writer = AgentWriter.start(config(agent.port()), answer -> {});

      writer.write(chunk(1));

      await().until(() -> writer.droppedTraces() == 1);
      writer.close();
      assertThat(agent.requests()).hasSize(1);
    }
  }

  @Test
  void droppedPriorityZeroChunks_areReportedInTheNextPayloadOnce() throws IOException {
    try (FakeAgent agent = new FakeAgent()) {
      AgentWriter writer =
          new AgentWriter(new AgentClient("127.0.0.1", agent.port()), false, answer -> {}, 1);
      writer.write(chunk(1));
      writer.write(droppedChunk(3)); // queue full: dropped, priority -1
      writer.write(chunk(2)); // queue full: dropped, priority 1, not reported
      assertThat(writer.unreportedDroppedP0()).isEqualTo(new DroppedP0(1, 3));
      writer.startThread();
      await().until(() -> writer.sentTraces() == 1);
      writer.write(chunk(3));
      await().until(() -> writer.sentTraces() == 2);
      writer.close();

      List<FakeAgent.Request> sent = agent.requests();
      assertThat(sent.get(0).headers().getFirst("Datadog-Client-Dropped-P0-Traces")).isEqualTo("1");
      assertThat(sent.get(0).headers().getFirst("Datadog-Client-Dropped-P0-Spans")).isEqualTo("3");
      assertThat(sent.get(1).headers().getFirst("Datadog-Client-Dropped-P0-Traces")).isEqualTo("0");
      assertThat(sent.get(1).headers().getFirst("Datadog-Client-Dropped-P0-Spans")).isEqualTo("0");
      assertThat(writer.unreportedDroppedP0()).isEqualTo(new DroppedP0(0, 0));
      assertThat(writer.droppedTraces()).isEqualTo(2);
    }
  }

  @Test
  void write_dropsAndCountsWhenAgentIsDown() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    AgentWriter writer = AgentWriter.start(config(closedPort), answer -> {});

    writer.write(chunk(1));

    await().until(() -> writer.droppedTraces() == 1);
    writer.close();
    assertThat(writer.sentTraces()).isZero();
  }

  @Test
  void sendNextBatch_dropsTheQueueAndQueuesAtMostOneBatchWhileTheAgentIsDown() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    AgentWriter writer =
        new AgentWriter(new AgentClient("127.0.0.1", closedPort), false, answer -> {}, 1024);
    int queued = AgentWriter.MAX_BATCH + 10;
    for (int i = 0; i < queued; i++) {
      writer.write(chunk(i));
    }

    assertThat(writer.sendNextBatch()).isEqualTo(AgentWriter.FAILURE_PAUSE_NANOS);
    assertThat(writer.droppedTraces()).isEqualTo(queued);

    for (int i = 0; i < AgentWriter.MAX_BATCH + 5; i++) {
      writer.write(chunk(i));
    }
    assertThat(writer.droppedTraces()).isEqualTo(queued + 5);
  }

  @Test
  void sendNextBatch_queuesUpToCapacityAgainOnceASendSucceeds() throws IOException {
    try (FakeAgent agent = new FakeAgent()) {
      agent.answerOnce(503, 503, 503);
      AgentWriter writer =
          new AgentWriter(new AgentClient("127.0.0.1", agent.port()), false, answer -> {}, 1024);
      writer.write(chunk(0));
      assertThat(writer.sendNextBatch()).isEqualTo(AgentWriter.FAILURE_PAUSE_NANOS);
      for (int i = 0; i <= AgentWriter.MAX_BATCH; i++) {
        writer.write(chunk(i));
      }
      assertThat(writer.droppedTraces()).isEqualTo(2);

      assertThat(writer.sendNextBatch()).isZero();
      for (int i = 0; i <= AgentWriter.MAX_BATCH; i++) {
        writer.write(chunk(i));
      }

      assertThat(writer.sentTraces()).isEqualTo(AgentWriter.MAX_BATCH);
      assertThat(writer.droppedTraces()).isEqualTo(2);
    }
  }

  @Test
  void sendNextBatch_dropsWithoutSendingWhileTheFailingAgentsPortIsClosed() throws IOException {
    AgentWriter writer;
    try (FakeAgent agent = new FakeAgent()) {
      agent.answerOnce(503, 503, 503);
      writer =
          new AgentWriter(new AgentClient("127.0.0.1", agent.port()), false, answer -> {}, 1024);
      writer.write(chunk(0));
      assertThat(writer.sendNextBatch()).isEqualTo(AgentWriter.FAILURE_PAUSE_NANOS);
    }
    writer.write(chunk(1));
    List<LogRecord> logged = new ArrayList<>();
    Logger log = Logger.getLogger(AgentWriter.class.getName());
    Level previous = log.getLevel();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    log.setLevel(Level.FINE);
    log.addHandler(handler);
    try {
      assertThat(writer.sendNextBatch()).isEqualTo(AgentWriter.FAILURE_PAUSE_NANOS);
    } finally {
      log.removeHandler(handler);
      log.setLevel(previous);
    }

    assertThat(writer.droppedTraces()).isEqualTo(2);
    assertThat(logged).hasSize(1);
    assertThat(logged.get(0).getParameters()[2]).isEqualTo("the agent's port is closed");
  }

  @Test
  void write_dropsAndCountsWhenAgentAnswersError() throws IOException {
    try (FakeAgent agent = new FakeAgent()) {
      agent.answer(500);
      AgentWriter writer = AgentWriter.start(config(agent.port()), answer -> {});

      writer.write(chunk(1));

      await().until(() -> writer.droppedTraces() == 1);
      writer.close();
      assertThat(writer.sentTraces()).isZero();
    }
  }

  @Test
  void write_dropsAndCountsWhenQueueIsFull() {
    AgentWriter writer = new AgentWriter(new AgentClient("127.0.0.1", 9), false, answer -> {}, 2);

    for (int i = 1; i <= 5; i++) {
      writer.write(chunk(i));
    }

    assertThat(writer.droppedTraces()).isEqualTo(3);
  }

  @Test
  void close_flushesQueuedChunksAndDropsLaterWrites() throws IOException {
    try (FakeAgent agent = new FakeAgent()) {
      AgentWriter writer =
          new AgentWriter(new AgentClient("127.0.0.1", agent.port()), false, answer -> {}, 10);
      writer.write(chunk(1));
      writer.startThread();

      writer.close();
      writer.write(chunk(2));

      assertThat(writer.sentTraces()).isEqualTo(1);
      assertThat(writer.droppedTraces()).isEqualTo(1);
    }
  }

  @Test
  void close_stopsFinalFlushAtFirstFailedSend() throws IOException {
    int chunks = 3 * AgentWriter.MAX_BATCH + 1;
    try (FakeAgent agent = new FakeAgent()) {
      agent.answer(500);
      AgentWriter writer =
          new AgentWriter(new AgentClient("127.0.0.1", agent.port()), false, answer -> {}, chunks);
      for (int i = 0; i < chunks; i++) {
        writer.write(chunk(i));
      }
      writer.startThread();

      writer.close();

      assertThat(writer.droppedTraces()).isEqualTo(chunks);
      assertThat(agent.requests()).hasSizeLessThanOrEqualTo(2);
    }
  }
}
