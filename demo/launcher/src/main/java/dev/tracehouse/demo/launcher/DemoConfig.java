package dev.tracehouse.demo.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the demo runs. Defaults are the workshop's ports; every value can be overridden through the
 * environment (tests use this to run a demo beside another one).
 *
 * @param home the repository root, where the built jars are
 * @param dataDir the server's data directory, also holding the cafe's SQLite file and the logs
 * @param intakePort the Datadog intake port ({@code DEMO_INTAKE_PORT}, 8126)
 * @param otlpPort the OTLP/HTTP intake port ({@code DEMO_OTLP_PORT}, 4318)
 * @param zipkinPort the Zipkin intake port ({@code DEMO_ZIPKIN_PORT}, 9411)
 * @param webPort the UI port ({@code DEMO_WEB_PORT}, 8080)
 * @param cafePort the cafe's port ({@code DEMO_CAFE_PORT}, 5000)
 * @param tasterPort the taster's port ({@code DEMO_TASTER_PORT}, 5001)
 * @param redisPort the Redis to reuse or start ({@code DEMO_REDIS_PORT}, 6379)
 * @param traffic whether to run the traffic generator ({@code DEMO_TRAFFIC}, true)
 */
record DemoConfig(
    Path home,
    Path dataDir,
    int intakePort,
    int otlpPort,
    int zipkinPort,
    int webPort,
    int cafePort,
    int tasterPort,
    int redisPort,
    boolean traffic) {

  static DemoConfig from(Path home, Map<String, String> env) {
    String data = env.get("DEMO_DATA_DIR");
    return new DemoConfig(
        home,
        data == null || data.isBlank() ? home.resolve("data") : Path.of(data).toAbsolutePath(),
        port(env, "DEMO_INTAKE_PORT", 8126),
        port(env, "DEMO_OTLP_PORT", 4318),
        port(env, "DEMO_ZIPKIN_PORT", 9411),
        port(env, "DEMO_WEB_PORT", 8080),
        port(env, "DEMO_CAFE_PORT", 5000),
        port(env, "DEMO_TASTER_PORT", 5001),
        port(env, "DEMO_REDIS_PORT", 6379),
        !"false".equalsIgnoreCase(env.getOrDefault("DEMO_TRAFFIC", "true").trim()));
  }

  private static int port(Map<String, String> env, String key, int defaultPort) {
    String value = env.get(key);
    if (value == null || value.isBlank()) {
      return defaultPort;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port > 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        key + " must be a port between 1 and 65535, got '" + value + "'");
  }
}
