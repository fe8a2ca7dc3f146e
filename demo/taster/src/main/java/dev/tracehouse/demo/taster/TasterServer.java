package dev.tracehouse.demo.taster;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The taster HTTP service and its entry point ({@code java -jar taster.jar}, configured through
 * environment variables). Tests and launchers start it in-process with {@link
 * #start(TasterConfig)}.
 */
public final class TasterServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TasterServer.class);

  private final Javalin app;

  private TasterServer(Javalin app) {
    this.app = app;
  }

  public static void main(String[] args) {
    TasterConfig config;
    try {
      config = TasterConfig.fromEnv(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("taster: bad configuration: " + e.getMessage());
      System.exit(2);
      return;
    }
    TasterServer server = start(config);
    LOG.info("taster listening on http://{}:{}", config.host(), server.port());
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "taster-shutdown"));
  }

  /** Starts the taster on the configured host and port; returns once it accepts requests. */
  public static TasterServer start(TasterConfig config) {
    Objects.requireNonNull(config, "config");
    Javalin app =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.startup.showOldJavalinVersionWarning = false;
              cfg.routes.get("/ping", ctx -> ctx.json(Map.of("status", "ok")));
              cfg.routes.get("/taste", new TasteHandler());
              cfg.routes.exception(
                  HttpResponseException.class,
                  (e, ctx) -> ctx.status(e.getStatus()).json(Map.of("error", e.getMessage())));
              cfg.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                    String message =
                        e.getMessage() == null ? "internal server error" : e.getMessage();
                    ctx.status(500).json(Map.of("error", message));
                  });
            });
    app.start(config.host(), config.port());
    return new TasterServer(app);
  }

  /** The port the taster listens on (useful when started with port 0). */
  public int port() {
    return app.port();
  }

  /** Stops the HTTP server; idempotent. */
  @Override
  public void close() {
    app.stop();
  }
}
