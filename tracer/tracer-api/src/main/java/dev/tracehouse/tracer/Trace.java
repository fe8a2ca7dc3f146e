package dev.tracehouse.tracer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Traces every call of the annotated method as one span, a child of the span active when it is
 * called. Needs the tracehouse agent ({@code DD_TRACE_ANNOTATIONS_ENABLED}, on by default), which
 * instruments annotated methods of any class; without it the annotation does nothing. An exception
 * thrown out of the method marks the span as failed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Trace {

  /** The span's operation name; defaults to {@code trace.annotation}. */
  String operationName() default "trace.annotation";

  /** The span's resource; empty (the default) means {@code SimpleClassName.method}. */
  String resourceName() default "";

  /** The span's service; empty (the default) means the tracer's service ({@code DD_SERVICE}). */
  String service() default "";
}
