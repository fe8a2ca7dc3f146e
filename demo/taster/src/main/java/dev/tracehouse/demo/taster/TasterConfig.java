package dev.tracehouse.demo.taster;

import java.util.Map;
import java.util.Objects;

/**
 * Where the taster listens.
 *
 * @param host the interface to bind, e.g. {@code 127.0.0.1}
 * @param port the TCP port; 0 picks a free one
 */
public record TasterConfig(String host, int port) {

  static final String HOST_ENV = "TASTER_HOST";
  static final String PORT_ENV = "TASTER_PORT";

  public TasterConfig {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be in 0..65535, got " + port);
    }
  }

  /** Reads {@code TASTER_HOST} (default 127.0.0.1) and {@code TASTER_PORT} (default 5001). */
  public static TasterConfig fromEnv(Map<String, String> env) {
    String host = env.getOrDefault(HOST_ENV, "127.0.0.1");
    String rawPort = env.getOrDefault(PORT_ENV, "5001");
    int port;
    try {
      port = Integer.parseInt(rawPort.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          PORT_ENV + " must be a port number, got '" + rawPort + "'");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException(PORT_ENV + " must be in 1..65535, got '" + rawPort + "'");
    }
    if (host.isBlank()) {
      throw new IllegalArgumentException(HOST_ENV + " must not be blank");
    }
    return new TasterConfig(host.trim(), port);
  }
}
