package dev.tracehouse.demo.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class DemoRedisTest {

  @Test
  void answersPing_isFalseForAPortWithoutRedis() throws IOException {
    try (ServerSocket notRedis = new ServerSocket(0)) {
      assertThat(DemoRedis.answersPing(notRedis.getLocalPort())).isFalse();
      assertThat(DemoRedis.isFree(notRedis.getLocalPort())).isFalse();
    }
    assertThat(DemoRedis.answersPing(DemoRedis.freePort())).isFalse();
  }

  @Test
  void startOrReuse_givesARedisThatAnswersAndCleansUp() throws IOException {
    boolean systemRedis = DemoRedis.answersPing(6379);
    DemoRedis redis = DemoRedis.startOrReuse(6379);
    int port = redis.port();
    try {
      assertThat(DemoRedis.answersPing(port)).isTrue();
      assertThat(redis.description()).contains(String.valueOf(port));
    } finally {
      redis.close();
    }
    // A Redis the demo started is gone after close; a system Redis is left alone.
    assertThat(DemoRedis.answersPing(port)).isEqualTo(systemRedis);
  }
}
