package dev.tracehouse.query.stats;

/**
 * The statistics of a set of requests over a window. Counts are weighted ({@code 1/_sample_rate})
 * and may be fractional; latencies are nanoseconds, estimated from merged sketches (within their 1
 * % relative accuracy) except {@code avg}, which is exact. Latencies and Apdex are null when there
 * are no requests.
 *
 * @param requests weighted number of requests
 * @param requestsPerSecond requests divided by the window's length in seconds
 * @param errors weighted number of error requests
 * @param errorRate errors / requests, in [0, 1]; 0 when there are no requests
 * @param totalTime weighted sum of the request durations, nanoseconds
 * @param avg totalTime / requests
 * @param p50 median duration (weighted nearest rank)
 * @param p75 75th percentile
 * @param p90 90th percentile
 * @param p95 95th percentile
 * @param p99 99th percentile
 * @param max longest duration
 * @param apdex Apdex score in [0, 1] with the service's threshold; null for service-map edges
 */
public record Measures(
    double requests,
    double requestsPerSecond,
    double errors,
    double errorRate,
    double totalTime,
    Double avg,
    Double p50,
    Double p75,
    Double p90,
    Double p95,
    Double p99,
    Double max,
    Double apdex) {}
