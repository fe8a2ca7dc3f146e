package dev.tracehouse.intake.datadog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code GET /info} body (spec/agent-intake.md section 5), advertising only what this intake
 * implements, and its {@code Datadog-Agent-State} hash. Clients re-read /info when the state they
 * see on any response changes, so both are computed once and never change for a running server.
 */
public final class DatadogAgentInfo {
  /** The agent version we claim; clients gate features on it (7.65.0 enables client stats). */
  public static final String VERSION = "7.65.0";

  private final byte[] body;
  private final String state;

  private DatadogAgentInfo(byte[] body) {
    this.body = body;
    this.state = sha256Hex(body);
  }

  /** The info for a listener that serves the given endpoints and accepts bodies up to a limit. */
  public static DatadogAgentInfo of(List<String> endpoints, long maxRequestBytes) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("default_env", "none");
    config.put("max_request_bytes", maxRequestBytes);
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("version", VERSION);
    info.put("git_commit", "tracehouse");
    info.put("endpoints", List.copyOf(endpoints));
    info.put("feature_flags", List.of());
    info.put("client_drop_p0s", false);
    info.put("span_meta_structs", false);
    info.put("long_running_spans", false);
    info.put("span_events", true); // native span_events are decoded into meta "events"
    info.put("config", config);
    try {
      return new DatadogAgentInfo(new ObjectMapper().writeValueAsBytes(info));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise /info", e);
    }
  }

  /** The JSON body, a fresh copy. */
  public byte[] body() {
    return body.clone();
  }

  /** Lower-case hex SHA-256 of {@link #body()}, sent as {@code Datadog-Agent-State}. */
  public String state() {
    return state;
  }

  @Override
  public String toString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  private static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
