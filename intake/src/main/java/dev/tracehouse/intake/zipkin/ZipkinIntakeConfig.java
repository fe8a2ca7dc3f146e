package dev.tracehouse.intake.zipkin;

/**
 * Settings of the Zipkin listener.
 *
 * @param host the address to listen on ({@code intake.zipkin.host})
 * @param port the port, 0 picks a free port ({@code intake.zipkin.port})
 * @param maxPayloadBytes the largest accepted body, before and after gzip decompression; larger
 *     gets 413 ({@code intake.zipkin.max-payload-bytes})
 */
public record ZipkinIntakeConfig(String host, int port, long maxPayloadBytes) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 9411;
  public static final long DEFAULT_MAX_PAYLOAD_BYTES = 16L * 1024 * 1024;

  /** Bodies are held in one byte array, so the limit stays well below 2 GiB. */
  public static final long MAX_PAYLOAD_BYTES_LIMIT = 1L << 30;

  /**
   * @throws IllegalArgumentException naming the key and the value when a setting is invalid
   */
  public ZipkinIntakeConfig {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException(
          "intake.zipkin.host must not be empty, was '" + host + "'");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          "intake.zipkin.port must be 0..65535 (0 = any free port), was " + port);
    }
    if (maxPayloadBytes <= 0 || maxPayloadBytes > MAX_PAYLOAD_BYTES_LIMIT) {
      throw new IllegalArgumentException(
          "intake.zipkin.max-payload-bytes must be 1.."
              + MAX_PAYLOAD_BYTES_LIMIT
              + ", was "
              + maxPayloadBytes);
    }
  }

  /** 127.0.0.1, port 9411, 16 MiB bodies. */
  public static ZipkinIntakeConfig defaults() {
    return new ZipkinIntakeConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_PAYLOAD_BYTES);
  }
}
