package dev.tracehouse.demo.cafe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

class DonutStatsIT {

  private static final List<String> MENU = List.of("jelly", "glazed", "chocolate", "bavarian");

  @TempDir Path dir;

  private EmbeddedRedis redis;
  private DonutStats stats;

  @BeforeEach
  void start() throws IOException {
    redis = EmbeddedRedis.start(Files.createDirectories(dir.resolve("redis")));
    stats = DonutStats.connect("127.0.0.1", redis.port(), MENU);
  }

  @AfterEach
  void stop() {
    stats.close();
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void seed_storesOptimalSugarPerHopsInRedis() {
    assertThat(stats.seed(CafeDatabase.SEED_BEERS, CafeDatabase.SEED_DONUTS)).isTrue();

    try (RedisClient client = redis.client()) {
      assertThat(client.get(DonutStats.optimalSugarKey(10))).isEqualTo("8");
      assertThat(client.get(DonutStats.optimalSugarKey(7))).isEqualTo("5");
    }
    assertThat(stats.optimalSugarLevel(10)).isEqualTo(8);
    assertThat(stats.optimalSugarLevel(8)).isEqualTo(6);
  }

  @Test
  void seed_listsDonutsNearEachSugarLevelSweetestLast() {
    stats.seed(CafeDatabase.SEED_BEERS, CafeDatabase.SEED_DONUTS);

    assertThat(stats.donutsBySugarLevel(8))
        .containsExactly("chocolate", "jelly", "bavarian", "glazed");
    assertThat(stats.donutsBySugarLevel(5)).containsExactly("chocolate", "jelly");
  }

  @Test
  void seed_isIdempotent() {
    stats.seed(CafeDatabase.SEED_BEERS, CafeDatabase.SEED_DONUTS);
    stats.seed(CafeDatabase.SEED_BEERS, CafeDatabase.SEED_DONUTS);

    assertThat(stats.donutsBySugarLevel(6)).containsExactly("chocolate", "jelly", "bavarian");
  }

  @Test
  void optimalSugarLevel_isRandomOneToTenWhenKeyIsMissing() {
    for (int i = 0; i < 50; i++) {
      assertThat(stats.optimalSugarLevel(3)).isBetween(1, 10);
    }
  }

  @Test
  void optimalSugarLevel_isRandomWhenValueIsNotANumber() {
    try (RedisClient client = redis.client()) {
      client.set(DonutStats.optimalSugarKey(10), "sweet");
    }

    assertThat(stats.optimalSugarLevel(10)).isBetween(1, 10);
  }

  @Test
  void donutsBySugarLevel_isEveryDonutWhenKeyIsMissing() {
    stats.seed(CafeDatabase.SEED_BEERS, CafeDatabase.SEED_DONUTS);

    assertThat(stats.donutsBySugarLevel(1)).containsExactlyElementsOf(MENU);
  }

  @Test
  void lookups_fallBackWhenRedisIsStopped() {
    stats.seed(CafeDatabase.SEED_BEERS, CafeDatabase.SEED_DONUTS);
    redis.close();
    redis = null;

    assertThat(stats.optimalSugarLevel(10)).isBetween(1, 10);
    assertThat(stats.donutsBySugarLevel(8)).containsExactlyElementsOf(MENU);
    assertThat(stats.seed(CafeDatabase.SEED_BEERS, CafeDatabase.SEED_DONUTS)).isFalse();
  }
}
