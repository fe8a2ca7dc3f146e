package dev.tracehouse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile text through every search parameter, against the DuckDB store: each request answers 200
 * or a clean 400 JSON error, and the stored spans stay intact.
 */
class SearchInjectionTest {

  private static final List<String> HOSTILE =
      List.of(
          "x' OR '1'='1",
          "1; DROP TABLE spans; --",
          "'); DELETE FROM spans WHERE ('1'='1",
          "\") OR TRUE --",
          "%' OR 1=1 --",
          "$.*",
          "-9223372036854775808",
          "1e400",
          "\\");

  @TempDir static Path dir;
  private static DuckDbWebServer target;
  private static ApiClient api;

  @BeforeAll
  static void start() {
    target = new DuckDbWebServer(dir);
    api = target.api;
  }

  @AfterAll
  static void stop() {
    target.close();
  }

  static Stream<String> requests() {
    return HOSTILE.stream()
        .flatMap(
            h -> {
              String escaped = h.replaceAll("([ \\\\()\\[\\]{}\":<>=~^+!#&|,*?])", "\\\\$1");
              String phrase = "\"" + h.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
              String cursor =
                  Base64.getUrlEncoder()
                      .withoutPadding()
                      .encodeToString(("span-timestamp:" + h + ":1:2:3").getBytes());
              return Stream.of(
                      "/api/spans?query=service:" + escaped,
                      "/api/spans?query=service:" + phrase,
                      "/api/spans?query=" + escaped + ":x",
                      "/api/spans?query=@" + escaped + ":x",
                      "/api/spans?query=@http.url:*" + escaped + "*",
                      "/api/spans?query=" + phrase,
                      "/api/spans?query=" + h,
                      "/api/spans?sort=" + h,
                      "/api/spans?cursor=" + h,
                      "/api/spans?cursor=" + cursor,
                      "/api/spans?from=" + h,
                      "/api/spans?to=" + h,
                      "/api/spans?limit=" + h,
                      "/api/traces?scope=" + h,
                      "/api/traces?service=" + h,
                      "/api/traces?cursor=" + h,
                      "/api/traces?query=" + escaped)
                  .map(SearchInjectionTest::encodeQuery);
            });
  }

  /** URL-encodes the value of the single query parameter. */
  private static String encodeQuery(String path) {
    int eq = path.indexOf('=');
    return path.substring(0, eq + 1)
        + URLEncoder.encode(path.substring(eq + 1), StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void hostileParameterIsHarmless(String path) {
    ApiClient.Response response = api.get(path);

    assertThat(response.status()).isIn(200, 400);
    if (response.status() == 400) {
      assertThat(response.json().get("error").asText()).isNotBlank();
    }
    assertThat(api.get("/api/spans?limit=1000").json().get("spans")).hasSize(10);
    assertThat(api.get("/api/traces").json().get("traces")).hasSize(1);
  }
}
