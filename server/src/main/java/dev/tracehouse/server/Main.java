package dev.tracehouse.server;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar server.jar [--config tracehouse.yaml]}: runs the all-in-one server until the
 * process is stopped. Settings come from the defaults, then the YAML file ({@code tracehouse.yaml}
 * in the working directory when present, or the file named by {@code --config} or env {@code
 * TRACEHOUSE_CONFIG}), then environment variables.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    try {
      Settings settings = Settings.load(configFile(args), System.getenv());
      TracehouseServer server = TracehouseServer.start(settings, System.getenv());
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "tracehouse-shutdown"));
      System.out.printf(
          "tracehouse server ready: UI http://%s:%d  intake %s: Datadog :%d, OTLP/HTTP :%d,"
              + " Zipkin :%d%n",
          settings.string("web.host"),
          server.webPort(),
          settings.string("intake.host"),
          server.intakePort(),
          server.otlpPort(),
          server.zipkinPort());
    } catch (IllegalArgumentException e) {
      System.err.println("tracehouse: " + e.getMessage());
      System.exit(2);
    }
  }

  private static Path configFile(String[] args) {
    if (args.length > 0) {
      if (args.length != 2 || !args[0].equals("--config")) {
        throw new IllegalArgumentException(
            "unexpected arguments " + String.join(" ", args) + "; usage: [--config FILE]");
      }
      return existing(Path.of(args[1]));
    }
    String fromEnv = System.getenv("TRACEHOUSE_CONFIG");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return existing(Path.of(fromEnv));
    }
    Path local = Path.of("tracehouse.yaml");
    return Files.isRegularFile(local) ? local : null;
  }

  private static Path existing(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("config file not found: " + file);
    }
    return file;
  }
}
