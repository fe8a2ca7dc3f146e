package dev.tracehouse.tracer.agent.instrumentation;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * An integration's {@link Advice}, built when a class first needs it and then kept. Building one
 * reads and parses the advice class (and loads much of Byte Buddy's advice machinery), so doing it
 * at install would cost every application start-up, even one that never loads the library; doing it
 * per instrumented class would repeat the parse (a JDBC driver has several statement classes).
 * Advice is immutable, so one instance serves every class and thread. Not API: public for the
 * integrations' packages.
 */
public final class LazyAdvice {
  private final Class<?> enter;
  private final Class<?> exit;
  private final ClassFileLocator locator;
  private volatile Advice advice;

  private LazyAdvice(Class<?> enter, Class<?> exit, ClassFileLocator locator) {
    this.enter = enter;
    this.exit = exit;
    this.locator = locator;
  }

  /** Advice whose enter and exit methods are both in {@code adviceClass}. */
  public static LazyAdvice of(Class<?> adviceClass, ClassFileLocator locator) {
    return new LazyAdvice(adviceClass, adviceClass, locator);
  }

  /** Advice with the enter method in {@code enter} and the exit method in {@code exit}. */
  public static LazyAdvice of(Class<?> enter, Class<?> exit, ClassFileLocator locator) {
    return new LazyAdvice(enter, exit, locator);
  }

  /** The advice, built on the first call (two racing threads may both build it; both are equal). */
  public Advice get() {
    Advice built = advice;
    if (built == null) {
      built = enter == exit ? Advice.to(enter, locator) : Advice.to(enter, exit, locator);
      advice = built;
    }
    return built;
  }
}
