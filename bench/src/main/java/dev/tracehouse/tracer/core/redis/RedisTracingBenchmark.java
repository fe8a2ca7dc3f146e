package dev.tracehouse.tracer.core.redis;

import dev.tracehouse.tracer.core.CoreTracer;
import dev.tracehouse.tracer.core.TracerConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What does tracing one Redis command add? {@code commandSpan} is what the agent's Jedis advice
 * runs around a command ({@link RedisTracing#start} / {@link RedisTracing#finish}: tags, a root
 * span whose trace is queued and dropped off-thread because the agent port is closed). Baseline: a
 * Jedis round trip on loopback costs 50-60 µs on this machine (BUILDING-BLOCKS: 10k INCR in 0.5-0.6
 * s).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RedisTracingBenchmark {

  private CoreTracer tracer;

  @Setup
  public void setUp() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    tracer = CoreTracer.create(new TracerConfig("bench", "bench", "1", "127.0.0.1", closedPort));
  }

  @TearDown
  public void tearDown() {
    tracer.close();
  }

  @Benchmark
  public void commandSpan() {
    RedisTracing.finish(RedisTracing.start(tracer, "ZINCRBY", "127.0.0.1", 6379), null);
  }
}
