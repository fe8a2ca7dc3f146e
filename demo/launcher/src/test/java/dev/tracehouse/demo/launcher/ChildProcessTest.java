package dev.tracehouse.demo.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {
  @TempDir Path logs;

  @Test
  void stop_endsTheChildAndItsDescendants() throws Exception {
    ChildProcess child =
        ChildProcess.start(
            "sleepers",
            List.of("sh", "-c", "sleep 300 & sleep 300 & echo started; wait"),
            Map.of(),
            logs);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Files.readString(child.log()).contains("started"));
    List<ProcessHandle> descendants = descendantsOf(child);
    assertThat(descendants).hasSizeGreaterThanOrEqualTo(2);

    child.stop();

    assertThat(child.isAlive()).isFalse();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> descendants.stream().noneMatch(ProcessHandle::isAlive));
  }

  @Test
  void start_writesOutputToNamedLog() throws Exception {
    ChildProcess child =
        ChildProcess.start(
            "echo", List.of("sh", "-c", "echo $GREETING"), Map.of("GREETING", "hi"), logs);
    await().atMost(Duration.ofSeconds(10)).until(() -> !child.isAlive());
    assertThat(child.log()).isEqualTo(logs.resolve("echo.log"));
    assertThat(Files.readString(child.log())).isEqualTo("hi\n");
  }

  private static List<ProcessHandle> descendantsOf(ChildProcess child) throws Exception {
    // The shell's pid is not exposed; find the sleepers through this JVM's descendants.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                ProcessHandle.current().descendants().filter(ChildProcessTest::isSleep).count()
                    >= 2);
    return ProcessHandle.current().descendants().filter(ChildProcessTest::isSleep).toList();
  }

  private static boolean isSleep(ProcessHandle p) {
    return p.info().command().map(c -> c.endsWith("sleep")).orElse(false);
  }
}
