/**
 * The tracing API applications compile against: {@link dev.tracehouse.tracer.Tracer}, {@link
 * dev.tracehouse.tracer.Span}, {@link dev.tracehouse.tracer.GlobalTracer} and {@link
 * dev.tracehouse.tracer.Trace}. JDK only; a no-op unless the tracehouse agent (or another tracer)
 * is registered.
 */
package dev.tracehouse.tracer;
