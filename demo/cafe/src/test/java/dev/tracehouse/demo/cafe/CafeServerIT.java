package dev.tracehouse.demo.cafe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracehouse.demo.cafe.FakeTaster.Call;
import dev.tracehouse.demo.cafe.FakeTaster.Hang;
import dev.tracehouse.demo.cafe.FakeTaster.Score;
import dev.tracehouse.demo.cafe.FakeTaster.Status;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cafe against a real Redis, a real SQLite file and a scripted fake taster. */
class CafeServerIT {

  @TempDir static Path dir;

  private static EmbeddedRedis redis;
  private static FakeTaster taster;
  private static CafeServer cafe;

  @BeforeAll
  static void start() throws IOException {
    redis = EmbeddedRedis.start(Files.createDirectories(dir.resolve("redis")));
    taster = new FakeTaster();
    cafe =
        CafeServer.start(
            new CafeConfig(
                "127.0.0.1",
                0,
                taster.url(),
                Duration.ofMillis(500),
                "127.0.0.1",
                redis.port(),
                dir.resolve("data/cafe.db")));
  }

  @AfterAll
  static void stop() {
    cafe.close();
    taster.close();
    redis.close();
  }

  @BeforeEach
  void resetTaster() {
    taster.reset();
  }

  @Test
  void ping_answersOk() {
    assertResponse(get("/ping"), 200, "{\"status\":\"ok\"}");
  }

  @Test
  void beers_listsTheSeededBeers() {
    assertResponse(
        get("/beers"),
        200,
        "{\"beers\":[{\"id\":1,\"name\":\"ipa\",\"hops\":10},{\"id\":2,\"name\":\"pilsner\",\"hops\":8},"
            + "{\"id\":3,\"name\":\"lager\",\"hops\":8},{\"id\":4,\"name\":\"stout\",\"hops\":7}]}");
  }

  @Test
  void donuts_listsTheSeededDonuts() {
    assertResponse(
        get("/donuts"),
        200,
        "{\"donuts\":[{\"id\":1,\"name\":\"jelly\",\"sugar\":7},{\"id\":2,\"name\":\"glazed\",\"sugar\":9},"
            + "{\"id\":3,\"name\":\"chocolate\",\"sugar\":6},{\"id\":4,\"name\":\"bavarian\",\"sugar\":8}]}");
  }

  @Test
  void beer_returnsOneBeerByName() {
    assertResponse(get("/beers/ipa"), 200, "{\"id\":1,\"name\":\"ipa\",\"hops\":10}");
  }

  @Test
  void donut_returnsOneDonutByName() {
    assertResponse(get("/donuts/glazed"), 200, "{\"id\":2,\"name\":\"glazed\",\"sugar\":9}");
  }

  @Test
  void beer_answers404ForUnknownName() {
    assertResponse(get("/beers/porter"), 404, "{\"error\":\"no beer named 'porter'\"}");
  }

  @Test
  void donut_answers404ForUnknownName() {
    assertResponse(get("/donuts/cruller"), 404, "{\"error\":\"no donut named 'cruller'\"}");
  }

  @Test
  void beer_rejectsOverlongName() {
    assertResponse(
        get("/beers/" + "x".repeat(65)), 400, "{\"error\":\"name must be at most 64 characters\"}");
  }

  @Test
  void unknownPath_answers404Json() {
    assertResponse(get("/wine"), 404, "{\"error\":\"Endpoint GET /wine not found\"}");
  }

  @Test
  void pair_rejectsMissingName() {
    assertResponse(get("/pair/beer"), 400, "{\"error\":\"missing query parameter 'name'\"}");
  }

  @Test
  void pair_rejectsBlankName() {
    assertResponse(
        get("/pair/beer?name=%20"), 400, "{\"error\":\"missing query parameter 'name'\"}");
  }

  @Test
  void pair_answers404ForUnknownBeer() {
    assertResponse(get("/pair/beer?name=porter"), 404, "{\"error\":\"no beer named 'porter'\"}");
    assertThat(taster.calls()).isEmpty();
  }

  @Test
  void pair_picksTheBestScoreAskingOncePerCandidate() {
    taster.replyToAll(new Score(3));
    taster.reply("glazed", new Score(9));

    assertResponse(get("/pair/beer?name=ipa"), 200, "{\"match\":\"glazed\"}");
    assertThat(taster.calls())
        .containsExactly(
            new Call("ipa", "chocolate"),
            new Call("ipa", "jelly"),
            new Call("ipa", "bavarian"),
            new Call("ipa", "glazed"));
  }

  @Test
  void pair_asksOnlyTheCandidatesRedisListsForTheBeersSugarLevel() {
    assertResponse(get("/pair/beer?name=pilsner"), 200, "{\"match\":\"chocolate\"}");
    assertThat(taster.calls())
        .extracting(Call::donut)
        .containsExactly("chocolate", "jelly", "bavarian");
  }

  @Test
  void pair_skipsCandidateWhoseTastingFails() {
    taster.replyToAll(new Score(2));
    taster.reply("glazed", new Status(500));
    taster.reply("bavarian", new Score(8));

    assertResponse(get("/pair/beer?name=ipa"), 200, "{\"match\":\"bavarian\"}");
    assertThat(taster.calls()).hasSize(4);
  }

  @Test
  void pair_skipsCandidateWhoseTastingTimesOut() {
    taster.replyToAll(new Score(4));
    taster.reply("chocolate", new Hang());
    taster.reply("jelly", new Score(7));

    assertResponse(get("/pair/beer?name=ipa"), 200, "{\"match\":\"jelly\"}");
    assertThat(taster.calls()).extracting(Call::donut).contains("bavarian", "glazed");
  }

  @Test
  void pair_answers502WhenEveryCandidateFails() {
    taster.replyToAll(new Status(500));

    assertResponse(
        get("/pair/beer?name=stout"), 502, "{\"error\":\"taster failed for every candidate\"}");
    assertThat(taster.calls())
        .containsExactly(new Call("stout", "chocolate"), new Call("stout", "jelly"));
  }

  private static HttpResponse<String> get(String pathAndQuery) {
    return TestHttp.get(cafe.port(), pathAndQuery);
  }

  private static void assertResponse(HttpResponse<String> response, int status, String body) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.body()).isEqualTo(body);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
  }
}
