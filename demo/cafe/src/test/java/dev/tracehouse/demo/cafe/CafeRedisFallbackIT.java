package dev.tracehouse.demo.cafe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.demo.cafe.FakeTaster.Call;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pairing keeps working when Redis lacks the keys or is not running at all. */
class CafeRedisFallbackIT {

  private static final List<String> MENU = List.of("jelly", "glazed", "chocolate", "bavarian");

  @TempDir Path dir;

  private FakeTaster taster;
  private EmbeddedRedis redis;
  private CafeServer cafe;

  @BeforeEach
  void startTaster() {
    taster = new FakeTaster();
  }

  @AfterEach
  void stopAll() {
    if (cafe != null) {
      cafe.close();
    }
    if (redis != null) {
      redis.close();
    }
    taster.close();
  }

  @Test
  void pair_usesEveryDonutWhenRedisKeysAreMissing() throws IOException {
    redis = EmbeddedRedis.start(Files.createDirectories(dir.resolve("redis")));
    cafe = startCafe(redis.port());
    redis.flushAll();

    HttpResponse<String> response = TestHttp.get(cafe.port(), "/pair/beer?name=ipa");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(taster.calls()).extracting(Call::donut).containsExactlyElementsOf(MENU);
  }

  @Test
  void pair_usesFallbacksWhenRedisStopsWhileRunning() throws IOException {
    redis = EmbeddedRedis.start(Files.createDirectories(dir.resolve("redis")));
    cafe = startCafe(redis.port());
    assertThat(TestHttp.get(cafe.port(), "/pair/beer?name=pilsner").statusCode()).isEqualTo(200);
    redis.close();
    redis = null;
    taster.reset();

    HttpResponse<String> response = TestHttp.get(cafe.port(), "/pair/beer?name=pilsner");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(taster.calls()).extracting(Call::donut).containsExactlyElementsOf(MENU);
  }

  @Test
  void start_succeedsAndPairsWhenRedisIsDown() throws IOException {
    cafe = startCafe(EmbeddedRedis.freePort());

    assertThat(TestHttp.get(cafe.port(), "/beers/lager").statusCode()).isEqualTo(200);
    HttpResponse<String> response = TestHttp.get(cafe.port(), "/pair/beer?name=lager");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"match\":\"jelly\"}");
    assertThat(taster.calls()).extracting(Call::donut).containsExactlyElementsOf(MENU);
  }

  private CafeServer startCafe(int redisPort) {
    return CafeServer.start(
        new CafeConfig(
            "127.0.0.1",
            0,
            taster.url(),
            Duration.ofSeconds(2),
            "127.0.0.1",
            redisPort,
            dir.resolve("cafe.db")));
  }
}
