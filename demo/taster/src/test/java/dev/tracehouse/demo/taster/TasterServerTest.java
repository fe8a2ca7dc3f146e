package dev.tracehouse.demo.taster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TasterServerTest {

  private static final Pattern SCORE = Pattern.compile("\\{\"score\":(\\d+)}");

  private static TasterServer taster;
  private static HttpClient client;

  @BeforeAll
  static void startTaster() {
    taster = TasterServer.start(new TasterConfig("127.0.0.1", 0));
    client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  static void stopTaster() {
    taster.close();
  }

  @Test
  void taste_returnsScoreBetweenOneAndTen() throws Exception {
    for (int i = 0; i < 30; i++) {
      HttpResponse<String> response = get("/taste?beer=ipa&donut=jelly");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
      Matcher matcher = SCORE.matcher(response.body());
      assertThat(matcher.matches()).as(response.body()).isTrue();
      assertThat(Integer.parseInt(matcher.group(1))).isBetween(1, 10);
    }
  }

  @Test
  void taste_failsWith500ForStout() throws Exception {
    HttpResponse<String> response = get("/taste?beer=stout&donut=glazed");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body())
        .isEqualTo("{\"error\":\"this beer is too bitter to pair with glazed\"}");
  }

  @Test
  void taste_rejectsMissingBeer() throws Exception {
    HttpResponse<String> response = get("/taste?donut=jelly");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"error\":\"missing query parameter 'beer'\"}");
  }

  @Test
  void taste_rejectsBlankDonut() throws Exception {
    HttpResponse<String> response = get("/taste?beer=ipa&donut=%20");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"error\":\"missing query parameter 'donut'\"}");
  }

  @Test
  void ping_answersOk() throws Exception {
    HttpResponse<String> response = get("/ping");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
  }

  @Test
  void unknownPath_answers404Json() throws Exception {
    HttpResponse<String> response = get("/nope");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("{\"error\":\"Endpoint GET /nope not found\"}");
  }

  private static HttpResponse<String> get(String pathAndQuery)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + taster.port() + pathAndQuery))
            .timeout(Duration.ofSeconds(5))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
