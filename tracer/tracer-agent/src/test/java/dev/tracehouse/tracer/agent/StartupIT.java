package dev.tracehouse.tracer.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.testapp.HelloApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link HelloApp} under the agent with {@code -Xlog:class+load} and checks that installing
 * the agent loads no Byte Buddy class (ADR 021: every integration is woven with plain ASM), and
 * that the weaver was installed.
 */
class StartupIT extends AgentJarIT {
  @Test
  void installingTheAgent_loadsNoByteBuddy() throws Exception {
    Path classLog = Path.of("target", "it-startup-classes.log").toAbsolutePath();
    String output =
        AppProcess.run(
            HelloApp.class,
            AppProcess.freePort(),
            "startup",
            Map.of(),
            List.of("-Xlog:class+load:file=" + classLog));
    assertThat(output).contains("hello from the app").doesNotContain("agent not started");

    List<String> loaded = Files.readAllLines(classLog);
    assertThat(loaded).as("the agent was installed").anyMatch(line -> line.contains("Premain"));
    assertThat(loaded)
        .as("the weaver was installed")
        .anyMatch(line -> line.contains("instrumentation.EntryWeaver "));
    assertThat(loaded).noneMatch(line -> line.toLowerCase(Locale.ROOT).contains("bytebuddy"));
  }
}
