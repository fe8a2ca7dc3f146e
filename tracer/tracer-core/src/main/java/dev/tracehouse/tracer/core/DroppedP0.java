package dev.tracehouse.tracer.core;

/**
 * A count of priority &lt;= 0 chunks and their spans that the writer dropped.
 *
 * @param traces chunks
 * @param spans spans in those chunks
 */
record DroppedP0(long traces, long spans) {}
