package dev.tracehouse.model;

import java.util.List;
import java.util.Objects;

/**
 * Stats a tracer computed itself and sent to {@code /v0.6/stats} ({@code spec/agent-intake.md}
 * section 10). The payload-level env, version and host are already copied into every group's {@link
 * StatsKey}; bucket starts are as the client sent them (not necessarily aligned).
 *
 * @param hostname the {@code Hostname} field, {@code ""} when absent
 * @param env the {@code Env} field
 * @param version the {@code Version} field
 * @param service the {@code Service} field (Java sends it), {@code ""} when absent
 * @param lang the {@code Lang} field, {@code ""} when absent
 * @param tracerVersion the {@code TracerVersion} field, {@code ""} when absent
 * @param runtimeId the {@code RuntimeID} field, {@code ""} when absent
 * @param sequence the {@code Sequence} field, 0 when absent
 * @param buckets the {@code Stats} buckets, unmodifiable
 */
public record ClientStatsPayload(
    String hostname,
    String env,
    String version,
    String service,
    String lang,
    String tracerVersion,
    String runtimeId,
    long sequence,
    List<StatsBucket> buckets) {

  public ClientStatsPayload {
    hostname = Objects.requireNonNullElse(hostname, "");
    env = Objects.requireNonNullElse(env, "");
    version = Objects.requireNonNullElse(version, "");
    service = Objects.requireNonNullElse(service, "");
    lang = Objects.requireNonNullElse(lang, "");
    tracerVersion = Objects.requireNonNullElse(tracerVersion, "");
    runtimeId = Objects.requireNonNullElse(runtimeId, "");
    buckets = buckets == null ? List.of() : List.copyOf(buckets);
  }
}
