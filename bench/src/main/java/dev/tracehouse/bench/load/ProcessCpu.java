package dev.tracehouse.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time (user + system, all threads) a process has used so far, read from {@code
 * /proc/<pid>/stat}: fields 14 and 15, {@code utime} and {@code stime}, in clock ticks of {@code
 * 1/ticksPerSecond} s (100 on Linux unless the kernel says otherwise through {@code getconf}).
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
