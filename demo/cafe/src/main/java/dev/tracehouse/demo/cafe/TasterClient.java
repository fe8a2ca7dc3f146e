package dev.tracehouse.demo.cafe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Calls the taster micro-service: one {@code GET /taste} per beer and donut pair. */
final class TasterClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI baseUrl;
  private final Duration timeout;
  private final HttpClient http;

  TasterClient(URI baseUrl, Duration timeout) {
    this.baseUrl = baseUrl;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /**
   * Asks the taster to score the pair.
   *
   * @throws TasteFailedException when the taster is unreachable, slower than the timeout, answers
   *     with a non-200 status, or answers without a numeric score
   */
  int taste(String beer, String donut) throws TasteFailedException {
    URI uri = URI.create(baseUrl + "/taste?beer=" + encode(beer) + "&donut=" + encode(donut));
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new TasteFailedException("taster call failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TasteFailedException("interrupted while waiting for the taster", e);
    }
    if (response.statusCode() != 200) {
      throw new TasteFailedException(
          "taster answered " + response.statusCode() + ": " + abbreviate(response.body()), null);
    }
    return score(response.body());
  }

  private static int score(String body) throws TasteFailedException {
    try {
      JsonNode score = JSON.readTree(body).path("score");
      if (!score.isInt()) {
        throw new TasteFailedException("taster answered without a numeric score: " + body, null);
      }
      return score.intValue();
    } catch (JsonProcessingException e) {
      throw new TasteFailedException("taster answered invalid JSON: " + abbreviate(body), e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String abbreviate(String body) {
    return body.length() <= 200 ? body : body.substring(0, 200) + "...";
  }

  /** One taster call did not produce a score. */
  static final class TasteFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    TasteFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
