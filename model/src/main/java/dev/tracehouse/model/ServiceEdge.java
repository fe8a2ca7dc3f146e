package dev.tracehouse.model;

import java.util.Objects;

/**
 * One service-map edge in one time bucket ({@code spec/apm-model.md} section 6): spans of {@code
 * callee} whose parent span belongs to {@code caller}. Counts are weighted like stats hits ({@link
 * StatsGroup}); the latency sketch holds each callee span's duration once.
 *
 * @param env deployment environment of the callee span's chunk
 * @param caller the parent span's service
 * @param callee the child span's service
 * @param calls weighted number of calls
 * @param errors weighted number of calls whose callee span is an error
 * @param durationSum weighted sum of callee span durations, nanoseconds
 * @param latency callee span durations
 */
public record ServiceEdge(
    String env,
    String caller,
    String callee,
    double calls,
    double errors,
    double durationSum,
    EncodedSketch latency) {

  public ServiceEdge {
    env = Objects.requireNonNullElse(env, "");
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(callee, "callee");
    latency = Objects.requireNonNullElse(latency, EncodedSketch.EMPTY);
  }
}
