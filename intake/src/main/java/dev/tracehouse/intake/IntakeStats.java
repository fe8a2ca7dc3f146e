package dev.tracehouse.intake;

/**
 * A snapshot of the intake's counters since start.
 *
 * @param payloadsReceived trace payloads decoded successfully (dropped ones included)
 * @param spansReceived spans in those payloads
 * @param payloadsMalformed payloads answered 400 because they could not be decoded (or gunzipped)
 * @param payloadsRejected payloads answered 413 (too large) or 415 (unsupported content type or
 *     encoding)
 * @param payloadsDropped payloads the sink refused or failed on, and payloads shed
 * @param spansDropped spans in the decoded ones of those payloads
 * @param payloadsShed payloads dropped without decoding them while the sink was saturated
 * @param tracesShed traces in those payloads, as their {@code X-Datadog-Trace-Count} header says (a
 *     payload without a valid header counts none)
 * @param otherPayloads remote-config, telemetry and DogStatsD-proxy bodies read and dropped
 * @param statsPayloadsReceived {@code /v0.6/stats} payloads handed to the stats sink
 * @param statsPayloadsDropped decoded stats payloads the stats sink refused or failed on
 */
public record IntakeStats(
    long payloadsReceived,
    long spansReceived,
    long payloadsMalformed,
    long payloadsRejected,
    long payloadsDropped,
    long spansDropped,
    long payloadsShed,
    long tracesShed,
    long otherPayloads,
    long statsPayloadsReceived,
    long statsPayloadsDropped) {}
