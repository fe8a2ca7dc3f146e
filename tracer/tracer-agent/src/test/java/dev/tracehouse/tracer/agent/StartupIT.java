package dev.tracehouse.tracer.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.testapp.HelloApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link HelloApp} under the agent with {@code -Xlog:class+load} and checks that installing
 * the agent generates no class with Byte Buddy (ADR 015): no Nexus injection (and so no mirror of
 * {@code AccessibleObject}), the module-aware transformer taken precompiled from the jar, and so
 * Byte Buddy's class writer not even loaded when no class of the app needs instrumenting.
 */
class StartupIT extends AgentJarIT {
  private static final String BYTE_BUDDY = "dev.tracehouse.tracer.agent.shaded.bytebuddy.";

  @Test
  void installingTheAgent_generatesNoClassAndLoadsNoClassWriter() throws Exception {
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
        .as("the precompiled transformer is used")
        .anyMatch(line -> line.contains(BYTE_BUDDY + "agent.builder.ModuleAwareTransformer "));
    assertThat(loaded)
        .noneMatch(line -> line.contains("$ByteBuddy$ModuleSupport"))
        .noneMatch(line -> line.contains(BYTE_BUDDY + "mirror."))
        .noneMatch(line -> line.contains(BYTE_BUDDY + "dynamic.scaffold.TypeWriter "));
  }
}
