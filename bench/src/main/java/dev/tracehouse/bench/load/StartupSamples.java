package dev.tracehouse.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/**
 * The start-ups of one kind (plain, or under one agent build) that {@link AgentStartupHarness}
 * measured: per start the time to the first answer, the CPU time used until then in total and per
 * kind of thread, and, when counted, how many classes the JVM had loaded (and how many of them were
 * the agent's relocated Byte Buddy) and how many methods the JIT had compiled.
 */
final class StartupSamples {
  private static final Pattern COMPILATION = Pattern.compile("^ *\\d+ +\\d+ ", Pattern.MULTILINE);
  private static final String AGENT_BYTE_BUDDY = "tracer.agent.shaded.bytebuddy";

  private final String label;
  private final List<Start> starts = new ArrayList<>();

  StartupSamples(String label) {
    this.label = label;
  }

  /** One start, all times in ms; counts are -1 when not taken. */
  record Start(
      double ready,
      double cpu,
      double mainAndOther,
      double jit,
      double gc,
      long classes,
      long byteBuddyClasses,
      long compiled) {

    /**
     * The start of a JVM that is ready now; {@code classLog}/{@code output} are its {@code
     * -Xlog:class+load} file and its output with {@code -XX:+PrintCompilation}, or null.
     */
    static Start of(ChildJvm jvm, Path classLog, Path output) throws IOException {
      Map<ProcessCpu.ThreadKind, Long> byKind = ProcessCpu.nanosByThreadKind(jvm.pid());
      long classes = -1;
      long byteBuddy = -1;
      long compiled = -1;
      if (classLog != null) {
        List<String> loaded = Files.readAllLines(classLog);
        classes = loaded.size();
        byteBuddy = loaded.stream().filter(line -> line.contains(AGENT_BYTE_BUDDY)).count();
        compiled = COMPILATION.matcher(Files.readString(output)).results().count();
      }
      return new Start(
          jvm.readyMillis(),
          jvm.readyCpuMillis(),
          millis(byKind, ProcessCpu.ThreadKind.OTHER)
              + millis(byKind, ProcessCpu.ThreadKind.WRITER),
          millis(byKind, ProcessCpu.ThreadKind.JIT),
          millis(byKind, ProcessCpu.ThreadKind.GC),
          classes,
          byteBuddy,
          compiled);
    }

    private static double millis(
        Map<ProcessCpu.ThreadKind, Long> byKind, ProcessCpu.ThreadKind kind) {
      return byKind.getOrDefault(kind, 0L) / 1e6;
    }
  }

  void add(Start start) {
    starts.add(start);
  }

  double medianReady() {
    return median(Start::ready);
  }

  double medianCpu() {
    return median(Start::cpu);
  }

  void print() {
    System.out.printf(
        "%-26s ready min %5.0f median %5.0f ms | CPU min %5.0f median %5.0f ms"
            + " (main+other %5.0f, JIT %5.0f, GC %4.0f)%s%n",
        label,
        min(Start::ready),
        medianReady(),
        min(Start::cpu),
        medianCpu(),
        median(Start::mainAndOther),
        median(Start::jit),
        median(Start::gc),
        starts.get(0).classes() < 0
            ? ""
            : String.format(
                " | classes %.0f (Byte Buddy %.0f), compiled %.0f",
                median(Start::classes), median(Start::byteBuddyClasses), median(Start::compiled)));
  }

  private double min(ToDoubleFunction<Start> measure) {
    return starts.stream().mapToDouble(measure).min().orElse(Double.NaN);
  }

  private double median(ToDoubleFunction<Start> measure) {
    double[] sorted = starts.stream().mapToDouble(measure).sorted().toArray();
    return sorted[(sorted.length - 1) / 2];
  }
}
