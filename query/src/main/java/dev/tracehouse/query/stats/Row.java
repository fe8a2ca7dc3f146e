package dev.tracehouse.query.stats;

/**
 * The measures of one service, resource or operation.
 *
 * @param name the service, resource or operation name
 * @param measures its requests, errors, latency and Apdex
 */
public record Row(String name, Measures measures) {}
