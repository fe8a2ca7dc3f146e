package dev.tracehouse.demo.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The demo's traffic generator, run as its own process: {@code Traffic <cafe base url>
 * [requests-per-second] [minutes]}. It walks the cafe's endpoints in a fixed cycle, including the
 * deliberately slow pairing, a stout pairing (the taster bug) and an unknown beer (a 404), and
 * stops by itself after the given number of minutes (default 60).
 */
public final class Traffic {
  static final List<String> CYCLE =
      List.of(
          "/beers",
          "/pair/beer?name=ipa",
          "/donuts",
          "/beers/ipa",
          "/pair/beer?name=lager",
          "/donuts/glazed",
          "/pair/beer?name=pilsner",
          "/beers/porter",
          "/ping",
          "/pair/beer?name=stout");

  private Traffic() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length < 1 || args.length > 3) {
      System.err.println("usage: Traffic <cafe base url> [requests-per-second] [minutes]");
      System.exit(2);
    }
    String base = args[0].replaceAll("/+$", "");
    double rate = args.length > 1 ? Double.parseDouble(args[1]) : 3;
    long minutes = args.length > 2 ? Long.parseLong(args[2]) : 60;
    long pauseMs = (long) (1000 / Math.max(0.1, Math.min(rate, 50)));
    long deadline = System.nanoTime() + Duration.ofMinutes(minutes).toNanos();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    for (int i = 0; System.nanoTime() < deadline; i++) {
      String path = CYCLE.get(i % CYCLE.size());
      System.out.println(path + " -> " + call(http, base + path));
      Thread.sleep(pauseMs);
    }
  }

  private static String call(HttpClient http, String url) throws InterruptedException {
    try {
      HttpRequest req =
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
      return String.valueOf(http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode());
    } catch (IOException e) {
      return "failed: " + e.getMessage();
    }
  }
}
