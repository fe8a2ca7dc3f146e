package dev.tracehouse.demo.cafe;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cafe HTTP service and its entry point ({@code java -jar cafe.jar}, configured through
 * environment variables). Tests and launchers start it in-process with {@link #start(CafeConfig)}.
 */
public final class CafeServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CafeServer.class);

  private final Javalin app;
  private final DonutStats stats;
  private final CafeDatabase database;

  private CafeServer(Javalin app, DonutStats stats, CafeDatabase database) {
    this.app = app;
    this.stats = stats;
    this.database = database;
  }

  public static void main(String[] args) {
    CafeConfig config;
    try {
      config = CafeConfig.fromEnv(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("cafe: bad configuration: " + e.getMessage());
      System.exit(2);
      return;
    }
    CafeServer server = start(config);
    LOG.info("cafe listening on http://{}:{}", config.host(), server.port());
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "cafe-shutdown"));
  }

  /**
   * Opens (and seeds) the database, seeds Redis when it is reachable, and starts the HTTP server.
   * Returns once the cafe accepts requests. A Redis that is down is logged, never fatal.
   */
  public static CafeServer start(CafeConfig config) {
    Objects.requireNonNull(config, "config");
    CafeDatabase database = CafeDatabase.open(config.database());
    List<Donut> donuts = database.donuts();
    DonutStats stats =
        DonutStats.connect(
            config.redisHost(), config.redisPort(), donuts.stream().map(Donut::name).toList());
    try {
      stats.seed(database.beers(), donuts);
      TasterClient taster = new TasterClient(config.tasterUrl(), config.tasterTimeout());
      CafeApi api = new CafeApi(database, new Matchmaker(stats, taster));
      Javalin app = Javalin.create(cfg -> configure(cfg, api));
      app.start(config.host(), config.port());
      return new CafeServer(app, stats, database);
    } catch (RuntimeException e) {
      stats.close();
      database.close();
      throw e;
    }
  }

  private static void configure(JavalinConfig cfg, CafeApi api) {
    cfg.startup.showJavalinBanner = false;
    cfg.startup.showOldJavalinVersionWarning = false;
    api.register(cfg.routes);
    cfg.routes.exception(
        HttpResponseException.class,
        (e, ctx) -> ctx.status(e.getStatus()).json(Map.of("error", e.getMessage())));
    cfg.routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
          ctx.status(500).json(Map.of("error", "internal server error"));
        });
  }

  /** The port the cafe listens on (useful when started with port 0). */
  public int port() {
    return app.port();
  }

  /** Stops the HTTP server, then closes Redis and the database. */
  @Override
  public void close() {
    app.stop();
    stats.close();
    database.close();
  }
}
