package dev.tracehouse.demo.cafe;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the cafe needs to start.
 *
 * @param host interface to bind
 * @param port TCP port; 0 picks a free one
 * @param tasterUrl base URL of the taster, without a trailing slash
 * @param tasterTimeout how long one call to the taster may take
 * @param redisHost host of the Redis behind DonutStats
 * @param redisPort port of that Redis
 * @param database the SQLite file holding beers and donuts
 */
public record CafeConfig(
    String host,
    int port,
    URI tasterUrl,
    Duration tasterTimeout,
    String redisHost,
    int redisPort,
    Path database) {

  public CafeConfig {
    requireText(host, "host");
    requirePort(port, "port");
    Objects.requireNonNull(tasterUrl, "tasterUrl");
    String scheme = tasterUrl.getScheme();
    if (!("http".equals(scheme) || "https".equals(scheme)) || tasterUrl.getHost() == null) {
      throw new IllegalArgumentException("tasterUrl must be an http(s) URL, got " + tasterUrl);
    }
    tasterUrl = URI.create(tasterUrl.toString().replaceAll("/+$", ""));
    Objects.requireNonNull(tasterTimeout, "tasterTimeout");
    if (tasterTimeout.isNegative() || tasterTimeout.isZero()) {
      throw new IllegalArgumentException("tasterTimeout must be positive, got " + tasterTimeout);
    }
    requireText(redisHost, "redisHost");
    requirePort(redisPort, "redisPort");
    Objects.requireNonNull(database, "database");
  }

  /** Reads the {@code CAFE_*}, {@code TASTER_*} and {@code REDIS_*} variables (see README). */
  public static CafeConfig fromEnv(Map<String, String> env) {
    EnvReader reader = new EnvReader(env);
    return new CafeConfig(
        reader.text("CAFE_HOST", "127.0.0.1"),
        reader.port("CAFE_PORT", 5000),
        reader.url("TASTER_URL", "http://127.0.0.1:5001"),
        Duration.ofMillis(reader.positiveInt("TASTER_TIMEOUT_MS", 2000)),
        reader.text("REDIS_HOST", "127.0.0.1"),
        reader.port("REDIS_PORT", 6379),
        Path.of(reader.text("CAFE_DB", "data/cafe.db")));
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  private static void requirePort(int port, String name) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(name + " must be in 0..65535, got " + port);
    }
  }
}
