package dev.tracehouse.bench.paired;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Compares the v0.4 decoder of two benchmark jars in one JVM: each jar gets its own class loader,
 * and 0.5 s rounds of {@code DatadogV04Decoder.decodeChunks} on the realistic payload alternate
 * between them (A B, B A, ...), timed with the thread's CPU time. On a machine shared with other
 * work, both versions then see the same load, so the ratio of their CPU per span is far steadier
 * than two JMH runs minutes apart. The first quarter of the rounds is warm-up and not counted.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.tracehouse.bench.paired.PairedDecodeRun A.jar B.jar
 * [rounds=20] [distinct]}.
 */
public final class PairedDecodeRun {
  private static final long ROUND_NANOS = 500_000_000L;
  private static final String DECODER = "dev.tracehouse.intake.datadog.DatadogV04Decoder";
  private static final String PAYLOAD = "dev.tracehouse.bench.payload.V04Payload";

  private PairedDecodeRun() {}

  public static void main(String[] args)
      throws ReflectiveOperationException, MalformedURLException {
    if (args.length < 2 || args.length > 4) {
      System.err.println("usage: PairedDecodeRun A.jar B.jar [rounds] [distinct]");
      System.exit(2);
    }
    int rounds;
    Version[] versions;
    try {
      rounds = args.length > 2 ? rounds(args[2]) : 20;
      boolean distinct = args.length > 3 && args[3].equals("distinct");
      versions = new Version[] {new Version(args[0], distinct), new Version(args[1], distinct)};
    } catch (IllegalArgumentException e) {
      System.err.println("PairedDecodeRun: " + e.getMessage());
      System.exit(2);
      return;
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int round = 0; round < rounds; round++) {
      for (int k = 0; k < 2; k++) {
        Version v = versions[round % 2 == 0 ? k : 1 - k];
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long spans = v.decodeFor(ROUND_NANOS);
        long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
        if (round >= rounds / 4) {
          v.cpuNanos += cpu;
          v.spans += spans;
        }
      }
    }
    for (Version v : versions) {
      System.out.printf("%s: %.1f ns CPU/span%n", v.jar, v.nanosPerSpan());
    }
    System.out.printf("B/A = %.3f%n", versions[1].nanosPerSpan() / versions[0].nanosPerSpan());
  }

  private static int rounds(String text) {
    try {
      int rounds = Integer.parseInt(text);
      if (rounds >= 4 && rounds <= 1000) {
        return rounds;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "rounds: expected a whole number from 4 to 1000, got " + text);
  }

  /** One jar's decoder and payload, loaded in a class loader of its own. */
  private static final class Version {
    final String jar;
    final Object decoder;
    final Method decodeChunks;
    final byte[] payload;
    final int chunks;
    long cpuNanos;
    long spans;

    Version(String jar, boolean distinct)
        throws ReflectiveOperationException, MalformedURLException {
      Path path = Path.of(jar);
      if (!Files.isRegularFile(path)) {
        throw new IllegalArgumentException("not a jar file: " + jar);
      }
      this.jar = jar;
      ClassLoader loader =
          new URLClassLoader(
              new URL[] {path.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
      Class<?> decoderClass = loader.loadClass(DECODER);
      decoder = decoderClass.getConstructor().newInstance();
      decodeChunks = decoderClass.getMethod("decodeChunks", ByteBuffer.class);
      Class<?> payloadClass = loader.loadClass(PAYLOAD);
      chunks = 100;
      Object built =
          payloadClass
              .getMethod("build", int.class, int.class, boolean.class, int.class)
              .invoke(null, chunks, 10, distinct, 1);
      payload = (byte[]) payloadClass.getMethod("bytes").invoke(built);
    }

    /** Decodes the payload over and over for {@code nanos}; returns the spans decoded. */
    long decodeFor(long nanos) throws IllegalAccessException, InvocationTargetException {
      long end = System.nanoTime() + nanos;
      long decoded = 0;
      while (System.nanoTime() < end) {
        List<?> out = (List<?>) decodeChunks.invoke(decoder, ByteBuffer.wrap(payload));
        if (out.size() != chunks) {
          throw new IllegalStateException(
              jar + " decoded " + out.size() + " chunks, not " + chunks);
        }
        decoded += chunks * 10L;
      }
      return decoded;
    }

    double nanosPerSpan() {
      return (double) cpuNanos / spans;
    }
  }
}
