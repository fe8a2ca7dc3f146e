package dev.tracehouse.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time (user + system, all threads) a process has used so far, read from {@code
 * /proc/<pid>/stat}: fields 14 and 15, {@code utime} and {@code stime}, in clock ticks of {@code
 * 1/ticksPerSecond} s (100 on Linux unless the kernel says otherwise through {@code getconf}), in
 * total or per {@link ThreadKind} from {@code /proc/<pid>/task/<tid>/stat}.
 */
final class ProcessCpu {
  private static final int UTIME_AFTER_COMMAND = 11;
  private static final long TICKS_PER_SECOND = ticksPerSecond();

  private ProcessCpu() {}

  /** CPU nanoseconds used by {@code pid} so far. */
  static long nanos(long pid) throws IOException {
    return parseTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")))
        * (1_000_000_000L / TICKS_PER_SECOND);
  }

  /**
   * CPU nanoseconds used so far by the live threads of {@code pid}, per kind of thread (from its
   * name). A thread that ended is missing here but counted in {@link #nanos(long)}.
   */
  static Map<ThreadKind, Long> nanosByThreadKind(long pid) throws IOException {
    Map<ThreadKind, Long> byKind = new EnumMap<>(ThreadKind.class);
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (NoSuchFileException e) {
          continue; // the thread ended meanwhile
        }
        long nanos = parseTicks(stat) * (1_000_000_000L / TICKS_PER_SECOND);
        byKind.merge(ThreadKind.of(threadName(stat)), nanos, Long::sum);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return byKind;
  }

  /** The command field of a {@code stat} line: for a thread, its name (at most 15 bytes). */
  static String threadName(String stat) {
    int open = stat.indexOf('(');
    int close = stat.lastIndexOf(')');
    if (open < 0 || close < open) {
      throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + stat);
    }
    return stat.substring(open + 1, close);
  }

  /** What a JVM thread does, from its name. */
  enum ThreadKind {
    /** The JIT compilers ({@code C1/C2 CompilerThread}). */
    JIT,
    /**
     * The garbage collector's threads (G1's {@code GC Thread#n}, {@code G1 Conc#n}, …) and the
     * {@code VM Thread}, which runs the serial collector the JVM picks when it sees one CPU (as
     * under {@code pin=true} on a 2-core box) and the other safepoint operations.
     */
    GC,
    /** The tracer's writer ({@code tracehouse-writer}). */
    WRITER,
    /** Everything else: the application's threads and the JVM's other helpers. */
    OTHER;

    static ThreadKind of(String name) {
      if (name.contains("CompilerThre")) {
        return JIT;
      }
      if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
        return GC;
      }
      return name.startsWith("tracehouse-wr") ? WRITER : OTHER;
    }
  }

  /**
   * utime + stime from one {@code stat} line. The command name (field 2) is in parentheses and may
   * contain spaces, so fields are counted after its closing parenthesis.
   */
  static long parseTicks(String stat) {
    int close = stat.lastIndexOf(')');
    if (close < 0) {
      throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + stat);
    }
    String[] fields = stat.substring(close + 2).trim().split(" ");
    return Long.parseLong(fields[UTIME_AFTER_COMMAND])
        + Long.parseLong(fields[UTIME_AFTER_COMMAND + 1]);
  }

  private static long ticksPerSecond() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(getconf.getInputStream().readAllBytes()).trim();
      return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
    } catch (IOException | NumberFormatException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
