package dev.tracehouse.bench.paired;

import dev.tracehouse.bench.payload.CapturedV04Payload;
import dev.tracehouse.bench.payload.V04Payload;
import java.io.File;
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
 * and 0.5 s rounds of {@code DatadogV04Decoder.decodeChunks} on one payload alternate between them
 * (A B, B A, ...), timed with the thread's CPU time. The payload is {@code
 * DatadogDecodeBenchmark}'s realistic one ({@link V04Payload}), its distinct-values variant, or
 * dd-java-agent's capture repeated 100 times ({@link CapturedV04Payload}), built once by this
 * class's own jar and handed to both decoders. On a machine shared with other work, both versions
 * then see the same load, so the ratio of their CPU per span is far steadier than two JMH runs
 * minutes apart. The first quarter of the rounds is warm-up and not counted.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.tracehouse.bench.paired.PairedDecodeRun A.jar B.jar
 * [rounds=20] [realistic|distinct|captured]}. A and B may each be a class path (entries separated
 * by the platform's path separator), e.g. an experiment's compiled classes before a jar.
 */
public final class PairedDecodeRun {
  private static final long ROUND_NANOS = 500_000_000L;
  private static final String DECODER = "dev.tracehouse.intake.datadog.DatadogV04Decoder";

  private PairedDecodeRun() {}

  public static void main(String[] args)
      throws ReflectiveOperationException, MalformedURLException {
    if (args.length < 2 || args.length > 4) {
      System.err.println(
          "usage: PairedDecodeRun A.jar B.jar [rounds] [realistic|distinct|captured]");
      System.exit(2);
    }
    int rounds;
    Version[] versions;
    try {
      rounds = args.length > 2 ? rounds(args[2]) : 20;
      Payload payload = payload(args.length > 3 ? args[3] : "realistic");
      versions = new Version[] {new Version(args[0], payload), new Version(args[1], payload)};
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

  /** A payload and the chunks and spans it holds. */
  private record Payload(byte[] bytes, int chunks, int spans) {}

  private static Payload payload(String kind) {
    switch (kind) {
      case "realistic", "distinct" -> {
        V04Payload built = V04Payload.build(100, 10, kind.equals("distinct"), 1);
        return new Payload(built.bytes(), 100, built.spans());
      }
      case "captured" -> {
        CapturedV04Payload built = CapturedV04Payload.repeat(100);
        return new Payload(built.bytes(), built.chunks(), built.spans());
      }
      default ->
          throw new IllegalArgumentException(
              "payload: expected realistic, distinct or captured, got " + kind);
    }
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

  /** One jar's decoder, loaded in a class loader of its own. */
  private static final class Version {
    final String jar;
    final Object decoder;
    final Method decodeChunks;
    final Payload payload;
    long cpuNanos;
    long spans;

    Version(String jar, Payload payload)
        throws ReflectiveOperationException, MalformedURLException {
      this.jar = jar;
      this.payload = payload;
      ClassLoader loader = new URLClassLoader(urls(jar), ClassLoader.getPlatformClassLoader());
      Class<?> decoderClass = loader.loadClass(DECODER);
      decoder = decoderClass.getConstructor().newInstance();
      decodeChunks = decoderClass.getMethod("decodeChunks", ByteBuffer.class);
    }

    /** The class path's entries: existing jar files or directories. */
    private static URL[] urls(String classPath) throws MalformedURLException {
      String[] entries = classPath.split(File.pathSeparator, -1);
      URL[] urls = new URL[entries.length];
      for (int i = 0; i < entries.length; i++) {
        Path path = Path.of(entries[i]);
        if (!Files.isRegularFile(path) && !Files.isDirectory(path)) {
          throw new IllegalArgumentException("not a jar file or directory: " + entries[i]);
        }
        urls[i] = path.toUri().toURL();
      }
      return urls;
    }

    /** Decodes the payload over and over for {@code nanos}; returns the spans decoded. */
    long decodeFor(long nanos) throws IllegalAccessException, InvocationTargetException {
      long end = System.nanoTime() + nanos;
      long decoded = 0;
      while (System.nanoTime() < end) {
        List<?> out = (List<?>) decodeChunks.invoke(decoder, ByteBuffer.wrap(payload.bytes()));
        if (out.size() != payload.chunks()) {
          throw new IllegalStateException(
              jar + " decoded " + out.size() + " chunks, not " + payload.chunks());
        }
        decoded += payload.spans();
      }
      return decoded;
    }

    double nanosPerSpan() {
      return (double) cpuNanos / spans;
    }
  }
}
