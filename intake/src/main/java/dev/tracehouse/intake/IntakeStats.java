package dev.tracehouse.intake;

/**
 * A snapshot of the intake's counters since start.
 *
 * @param payloadsReceived trace payloads decoded successfully (dropped ones included)
 * @param spansReceived spans in those payloads
 * @param payloadsMalformed payloads answered 400 because they could not be decoded (or gunzipped)
 * @param payloadsRejected payloads answered 413 (too large) or 415 (unsupported content type or
 *     encoding)
 * @param payloadsDropped decoded payloads the sink refused or failed on
 * @param spansDropped spans in those payloads
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
    long otherPayloads,
    long statsPayloadsReceived,
    long statsPayloadsDropped) {}
