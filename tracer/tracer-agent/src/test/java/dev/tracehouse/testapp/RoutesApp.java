package dev.tracehouse.testapp;

import dev.tracehouse.tracer.Span;
import dev.tracehouse.tracer.Tracer;
import io.javalin.Javalin;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Javalin app {@code RoutesIT} runs under the agent (argument: the port), with no tracing code
 * besides one manual span: {@code GET /beers/{name}} (404 for {@code unknown}), and {@code GET
 * /brew/{name}}, which answers asynchronously from a pool thread, inside a span {@code brew.async},
 * with status 202 (or 503 for {@code stout}); {@code GET /slow} never answers and times out after
 * 500 ms (Javalin then answers 500).
 */
public final class RoutesApp {

  private RoutesApp() {}

  public static void main(String[] args) {
    ExecutorService brewery = Executors.newFixedThreadPool(1);
    Javalin.create(
            config -> {
              config.http.asyncTimeout = 500;
              config.routes.get("/slow", ctx -> ctx.future(CompletableFuture::new));
              config.routes.get(
                  "/beers/{name}",
                  ctx -> {
                    String name = ctx.pathParam("name");
                    ctx.status(name.equals("unknown") ? 404 : 200).result("beer " + name);
                  });
              config.routes.get(
                  "/brew/{name}",
                  ctx ->
                      ctx.future(
                          () ->
                              CompletableFuture.supplyAsync(
                                      () -> brew(ctx.pathParam("name")), brewery)
                                  .thenAccept(
                                      status -> ctx.status(status).result("brewed " + status))));
            })
        .start("127.0.0.1", Integer.parseInt(args[0]));
  }

  private static int brew(String name) {
    try (Span span = Tracer.global().trace("brew.async")) {
      span.setTag("beer.name", name);
      return name.equals("stout") ? 503 : 202;
    }
  }
}
