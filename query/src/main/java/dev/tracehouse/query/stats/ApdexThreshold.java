package dev.tracehouse.query.stats;

/**
 * How one service's Apdex is computed.
 *
 * @param thresholdNs T in nanoseconds
 * @param errorsAsFrustrated whether error requests count as frustrated whatever their duration
 */
record ApdexThreshold(double thresholdNs, boolean errorsAsFrustrated) {}
