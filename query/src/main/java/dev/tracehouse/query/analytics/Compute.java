package dev.tracehouse.query.analytics;

/**
 * One requested value: {@code name} ({@code c0}, {@code c1} … in request order), the function over
 * its measure, and whether it is a time series or one total per group.
 */
record Compute(String name, SpanAggregate aggregate, boolean timeseries) {}
