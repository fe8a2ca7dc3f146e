package dev.tracehouse.intake;

/**
 * Settings of the intake listeners.
 *
 * @param host the address to listen on ({@code intake.host})
 * @param datadogPort the Datadog agent port, 0 picks a free port ({@code intake.datadog.port})
 * @param maxPayloadBytes the largest accepted request body; larger ones get 413 ({@code
 *     intake.max-payload-bytes})
 */
public record IntakeConfig(String host, int datadogPort, long maxPayloadBytes) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_DATADOG_PORT = 8126;
  public static final long DEFAULT_MAX_PAYLOAD_BYTES = 25L * 1024 * 1024;

  /** Bodies are held in one byte array, so the limit stays well below 2 GiB. */
  public static final long MAX_PAYLOAD_BYTES_LIMIT = 1L << 30;

  /**
   * @throws IllegalArgumentException naming the key and the value when a setting is invalid
   */
  public IntakeConfig {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("intake.host must not be empty, was '" + host + "'");
    }
    if (datadogPort < 0 || datadogPort > 65535) {
      throw new IllegalArgumentException(
          "intake.datadog.port must be 0..65535 (0 = any free port), was " + datadogPort);
    }
    if (maxPayloadBytes <= 0 || maxPayloadBytes > MAX_PAYLOAD_BYTES_LIMIT) {
      throw new IllegalArgumentException(
          "intake.max-payload-bytes must be 1.."
              + MAX_PAYLOAD_BYTES_LIMIT
              + ", was "
              + maxPayloadBytes);
    }
  }

  /** 127.0.0.1, port 8126, 25 MiB bodies: the Datadog agent's defaults. */
  public static IntakeConfig defaults() {
    return new IntakeConfig(DEFAULT_HOST, DEFAULT_DATADOG_PORT, DEFAULT_MAX_PAYLOAD_BYTES);
  }
}
