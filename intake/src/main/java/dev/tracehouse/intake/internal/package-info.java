/** Not API: helpers shared by the OTLP and Zipkin listeners of the intake. */
package dev.tracehouse.intake.internal;
