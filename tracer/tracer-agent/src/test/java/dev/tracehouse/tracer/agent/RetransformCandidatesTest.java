package dev.tracehouse.tracer.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RetransformCandidatesTest {
  private final RetransformCandidates candidates =
      new RetransformCandidates(Set.of("java.util.concurrent.ThreadPoolExecutor"));

  @Test
  void isCandidate_namedJdkType() {
    assertThat(candidates.isCandidate("java.util.concurrent.ThreadPoolExecutor")).isTrue();
  }

  @Test
  void isCandidate_notOtherJdkTypes() {
    assertThat(candidates.isCandidate("java.util.concurrent.ForkJoinPool")).isFalse();
    assertThat(candidates.isCandidate("jdk.internal.net.http.HttpClientImpl")).isFalse();
    assertThat(candidates.isCandidate("sun.net.www.protocol.http.HttpURLConnection")).isFalse();
  }

  @Test
  void isCandidate_notTheAgentsOwnTypes() {
    assertThat(candidates.isCandidate("dev.tracehouse.tracer.core.CoreTracer")).isFalse();
  }

  @Test
  void isCandidate_everyApplicationType() {
    assertThat(candidates.isCandidate("org.slf4j.LoggerFactory")).isTrue();
    assertThat(candidates.isCandidate("javax.sql.DataSource")).as("not java.").isTrue();
    assertThat(candidates.isCandidate("com.example.Shop")).isTrue();
  }
}
