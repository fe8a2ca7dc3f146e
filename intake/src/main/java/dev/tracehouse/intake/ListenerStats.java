package dev.tracehouse.intake;

/**
 * A snapshot of the counters of one OTLP or Zipkin listener since start.
 *
 * @param payloadsReceived payloads decoded successfully (dropped ones included)
 * @param spansReceived spans in those payloads
 * @param payloadsMalformed payloads answered 400 because they could not be read or decoded
 * @param payloadsRejected payloads answered 413 (too large) or 415 (unsupported type or encoding)
 * @param payloadsDropped decoded payloads the sink refused or failed on (answered 503)
 * @param spansDropped spans in those payloads
 * @param payloadsShed payloads answered 503 without decoding them while the sink was saturated
 */
public record ListenerStats(
    long payloadsReceived,
    long spansReceived,
    long payloadsMalformed,
    long payloadsRejected,
    long payloadsDropped,
    long spansDropped,
    long payloadsShed) {}
