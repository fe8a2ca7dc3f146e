package dev.tracehouse.tracer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method to be traced as one span. The tracehouse agent does not act on it yet: it is
 * declared so that application code can already carry it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Trace {

  /** The span's operation name; defaults to {@code trace.annotation}. */
  String operationName() default "trace.annotation";

  /** The span's resource; defaults to {@code Class.method}. */
  String resourceName() default "";
}
