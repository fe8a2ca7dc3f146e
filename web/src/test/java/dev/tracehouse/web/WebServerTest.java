package dev.tracehouse.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracehouse.store.StoreException;
import dev.tracehouse.store.UnsupportedQueryException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebServerTest {

  private final FakeSpanReader reader = new FakeSpanReader();
  private WebServer server;
  private ApiClient api;

  @BeforeEach
  void start() {
    server = WebServer.start(new WebConfig("127.0.0.1", 0), reader);
    api = new ApiClient(server.port());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void start_onPortZeroBindsAFreePort() {
    assertThat(server.port()).isPositive();
  }

  @Test
  void start_onBusyPortFailsNamingTheAddress() {
    assertThatThrownBy(() -> WebServer.start(new WebConfig("127.0.0.1", server.port()), reader))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("127.0.0.1:" + server.port());
  }

  @Test
  void root_servesTheUiFromTheJar() {
    HttpResponse<String> index = api.getText("/");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body()).contains("<script type=\"module\"");
    assertThat(api.getText("/js/main.js").statusCode()).isEqualTo(200);
    assertThat(api.getText("/css/app.css").statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @CsvSource({
    "GET, /api/nope",
    "GET, /api",
    "GET, /api/traces/0000000000000001/spans",
    "POST, /api/traces",
    "DELETE, /api/services"
  })
  void unknownApiPath_gives404Json(String method, String path) {
    ApiClient.Response response = api.send(method, path);
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.contentType()).startsWith("application/json");
    assertThat(response.json().get("error").asText()).contains(path);
  }

  @Test
  void storeFailure_gives500WithoutStackTrace() {
    reader.failWith(() -> new StoreException("disk gone", new IllegalStateException("io")));
    ApiClient.Response response = api.get("/api/services");
    assertThat(response.status()).isEqualTo(500);
    assertThat(response.json().get("error").asText()).isEqualTo("the store failed: disk gone");
    assertThat(response.json().toString()).doesNotContain("at dev.tracehouse");
  }

  @Test
  void storeOverCapacity_gives503() {
    reader.failWith(() -> StoreException.overCapacity("busy"));
    assertThat(api.get("/api/traces").status()).isEqualTo(503);
  }

  @Test
  void unsupportedQuery_gives400() {
    reader.failWith(() -> new UnsupportedQueryException("no time filter here"));
    ApiClient.Response response = api.get("/api/traces?from=1");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("error").asText()).contains("no time filter here");
  }

  @Test
  void unexpectedFailure_gives500WithGenericMessage() {
    reader.failWith(() -> new NullPointerException("secret detail"));
    ApiClient.Response response = api.get("/api/traces/0000000000000001");
    assertThat(response.status()).isEqualTo(500);
    assertThat(response.json().get("error").asText()).isEqualTo("internal error");
  }
}
