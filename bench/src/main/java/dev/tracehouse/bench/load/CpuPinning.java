package dev.tracehouse.bench.load;

import java.io.IOException;
import java.util.List;

/**
 * Pins the harness (the load generator) to one CPU and the services under test to the others with
 * util-linux's {@code taskset}, so that the generator does not take CPU from the cafe. Without
 * pinning every method is a no-op.
 */
final class CpuPinning {
  private final boolean enabled;
  private final String generatorCpus;
  private final String serviceCpus;

  private CpuPinning(boolean enabled, String generatorCpus, String serviceCpus) {
    this.enabled = enabled;
    this.generatorCpus = generatorCpus;
    this.serviceCpus = serviceCpus;
  }

  static CpuPinning none() {
    return new CpuPinning(false, "", "");
  }

  /**
   * CPU 0 for the generator, CPUs 1.. for the services.
   *
   * @throws IllegalStateException with fewer than 2 CPUs or without a working {@code taskset}
   */
  static CpuPinning generatorOnFirstCpu() throws InterruptedException {
    int cpus = Runtime.getRuntime().availableProcessors();
    if (cpus < 2) {
      throw new IllegalStateException("pin=true needs at least 2 CPUs, this JVM sees " + cpus);
    }
    CpuPinning pinning = new CpuPinning(true, "0", cpus == 2 ? "1" : "1-" + (cpus - 1));
    pinning.run(List.of("taskset", "--version"));
    return pinning;
  }

  /** The words to put before a service's command line. */
  List<String> launcher() {
    return enabled ? List.of("taskset", "-c", serviceCpus) : List.of();
  }

  /** Moves every thread of this JVM (the load generator) to the generator's CPU. */
  void pinGenerator() throws InterruptedException {
    pin(ProcessHandle.current().pid(), generatorCpus);
  }

  /** Moves every thread of an already running service (such as Redis) to the services' CPUs. */
  void pinService(long pid) throws InterruptedException {
    pin(pid, serviceCpus);
  }

  private void pin(long pid, String cpus) throws InterruptedException {
    if (enabled) {
      run(List.of("taskset", "-a", "-c", "-p", cpus, Long.toString(pid)));
    }
  }

  private void run(List<String> command) throws InterruptedException {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes()).trim();
      if (process.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "pin=true needs taskset (util-linux): " + String.join(" ", command) + ": " + e, e);
    }
  }
}
