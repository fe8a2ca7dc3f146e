package dev.tracehouse.store.duckdb;

import static dev.tracehouse.store.TestSpans.CAFE_PAIR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.model.TraceId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability: a JVM writing through {@link DuckDbSpanStore} is killed with SIGKILL mid-stream; the
 * file opens cleanly afterwards and holds every trace the writer had acknowledged (flushed).
 */
class DuckDbCrashTest {

  @TempDir Path dir;

  @Test
  void sigkillDuringWrites_keepsEveryAcknowledgedTrace() throws Exception {
    Path file = dir.resolve("crash.duckdb");
    Process child = startWriter(file);
    long acked = 0;
    int acks = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("started");
      // Enough flushes that some commits were whole row groups (no WAL) and some were not.
      while (acked < 3 * DuckDbSpanStore.ROW_GROUP_SIZE / CAFE_PAIR.size() || acks < 5) {
        String line = out.readLine();
        assertThat(line).as("the writer's output").isNotNull().startsWith("acked ");
        acked = Long.parseLong(line.substring("acked ".length()));
        acks++;
      }
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }

    try (DuckDbSpanStore reopened = DuckDbSpanStore.open(DuckDbOptions.at(file))) {
      assertThat(reopened.check().ok()).isTrue();
      for (long t = 1; t <= acked; t += Math.max(1, acked / 500)) {
        assertThat(reopened.reader().trace(new TraceId(7, t)))
            .as("acknowledged trace %d of %d", t, acked)
            .get()
            .asList()
            .hasSize(CAFE_PAIR.size());
      }
      assertThat(reopened.reader().trace(new TraceId(7, acked))).isPresent();
      assertThat(reopened.status().orElseThrow().spans()).isGreaterThanOrEqualTo(acked * 10);
    }
  }

  private static Process startWriter(Path file) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            CrashWriter.class.getName(),
            file.toAbsolutePath().toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }
}
