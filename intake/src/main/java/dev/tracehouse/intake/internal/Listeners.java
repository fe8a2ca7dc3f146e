package dev.tracehouse.intake.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not API: starts a Javalin listener whose 404, 405 and unexpected failures answer JSON {@code
 * {"error": ...}}.
 */
public final class Listeners {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Listeners() {}

  /**
   * @param portKey the configuration key of the port, named when it cannot be bound
   * @throws IllegalStateException when the port cannot be bound
   */
  public static Javalin start(
      String portKey, String host, int port, long maxRequestBytes, Consumer<RoutesConfig> routes) {
    Javalin app =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.startup.showOldJavalinVersionWarning = false;
              cfg.http.prefer405over404 = true;
              cfg.http.maxRequestSize = maxRequestBytes;
              routes.accept(cfg.routes);
              cfg.routes.exception(
                  HttpResponseException.class,
                  (e, ctx) -> {
                    String message =
                        switch (e.getStatus()) {
                          case 404 -> "no such endpoint: " + ctx.method() + " " + ctx.path();
                          case 405 -> "method " + ctx.method() + " is not allowed on " + ctx.path();
                          default -> e.getMessage();
                        };
                    error(ctx, e.getStatus(), message);
                  });
              cfg.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
                    error(ctx, 500, "internal error: " + e.getClass().getSimpleName());
                  });
            });
    try {
      app.start(host, port);
    } catch (RuntimeException e) {
      app.stop();
      throw new IllegalStateException(portKey + ": cannot listen on " + host + ":" + port, e);
    }
    return app;
  }

  /** Answers {@code {"error": message}} with the given status. */
  public static void error(Context ctx, int status, String message) {
    try {
      ctx.status(status)
          .contentType("application/json")
          .result(MAPPER.writeValueAsBytes(Map.of("error", message)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise an error body", e);
    }
  }
}
