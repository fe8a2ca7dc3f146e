package dev.tracehouse.tracer.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;

/** Base of the tests that run an app under the packaged agent: fails early when it is not built. */
abstract class AgentJarIT {

  @BeforeAll
  static void agentJarIsBuilt() {
    assertThat(AppProcess.agentJarExists())
        .as("target/tracehouse-agent.jar (mvn package)")
        .isTrue();
  }
}
