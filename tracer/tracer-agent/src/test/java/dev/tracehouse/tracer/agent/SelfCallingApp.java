package dev.tracehouse.tracer.agent;

import dev.tracehouse.tracer.Span;
import dev.tracehouse.tracer.Tracer;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The app the agent IT runs in a forked JVM: {@code GET /outer} calls {@code GET /inner} on itself
 * through {@link HttpClient} and answers {@code outer:<inner body>}; {@code /manual} makes a span
 * through tracer-api; {@code /fail} throws. Argument: the port.
 */
public final class SelfCallingApp {

  private SelfCallingApp() {}

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    HttpClient client = HttpClient.newHttpClient();
    URI inner = URI.create("http://127.0.0.1:" + port + "/inner?secret=42");
    Javalin.create(
            config -> {
              config.routes.get("/inner", ctx -> ctx.result("inner"));
              config.routes.get(
                  "/outer",
                  ctx -> {
                    HttpResponse<String> response =
                        client.send(
                            HttpRequest.newBuilder(inner).build(),
                            HttpResponse.BodyHandlers.ofString());
                    ctx.result("outer:" + response.body());
                  });
              config.routes.get(
                  "/manual",
                  ctx -> {
                    try (Span span = Tracer.global().trace("best_match")) {
                      span.setTag("beer.name", "ipa").setResource("best_match ipa");
                      ctx.result(Tracer.global().activeSpan().isPresent() ? "active" : "none");
                    }
                  });
              config.routes.get(
                  "/fail",
                  ctx -> {
                    throw new IllegalStateException("no espresso today");
                  });
            })
        .start("127.0.0.1", port);
  }
}
