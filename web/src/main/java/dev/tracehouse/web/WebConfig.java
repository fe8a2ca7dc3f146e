package dev.tracehouse.web;

/**
 * Where the web API and UI listen.
 *
 * @param host the interface to bind ({@code web.host}), for example {@code 127.0.0.1}
 * @param port the TCP port ({@code web.port}), 0 to pick a free one
 */
public record WebConfig(String host, int port) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;

  public WebConfig {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("web.host: must not be empty, got '" + host + "'");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("web.port: must be between 0 and 65535, got " + port);
    }
  }

  /** {@code 127.0.0.1:8080}. */
  public static WebConfig defaults() {
    return new WebConfig(DEFAULT_HOST, DEFAULT_PORT);
  }
}
