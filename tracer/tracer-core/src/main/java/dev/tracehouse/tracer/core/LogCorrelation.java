package dev.tracehouse.tracer.core;

import dev.tracehouse.tracer.Tracer;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Log correlation ({@code DD_LOGS_INJECTION}): while a span is active on a thread, that thread's
 * MDC holds {@code dd.trace_id}, {@code dd.span_id}, {@code dd.service}, {@code dd.env} and {@code
 * dd.version} (the last three when set); when no span is active they are removed. Closing a nested
 * span writes the ids of the span active again. Keys whose value is not configured (no env or
 * version) are never written nor removed: each MDC call costs the application's thread.
 *
 * <p>The MDC is the application's own class, such as {@code org.slf4j.MDC}, given as a {@link
 * Class} and called through method handles: the tracer itself never links against a logging library
 * (it may be loaded by the bootstrap class loader, which cannot see the application's classes). The
 * agent registers the application's {@code org.slf4j.MDC} when it is initialised; without the
 * agent, call {@code LogCorrelation.install(tracer).addMdc(org.slf4j.MDC.class)}.
 */
public final class LogCorrelation implements ScopeListener {

  public static final String TRACE_ID = "dd.trace_id";
  public static final String SPAN_ID = "dd.span_id";
  public static final String SERVICE = "dd.service";
  public static final String ENV = "dd.env";
  public static final String VERSION = "dd.version";

  private static final Logger LOG = Logger.getLogger(LogCorrelation.class.getName());
  private static final MethodType PUT =
      MethodType.methodType(void.class, String.class, String.class);
  private static final MethodType REMOVE = MethodType.methodType(void.class, String.class);

  private final TracerConfig config;
  private final List<String> keys;
  private volatile Mdc[] mdcs = new Mdc[0];
  private final ThreadLocal<Written> written = ThreadLocal.withInitial(Written::new);

  private LogCorrelation(TracerConfig config) {
    this.config = config;
    List<String> written = new ArrayList<>(List.of(TRACE_ID, SPAN_ID, SERVICE));
    if (config.env() != null) {
      written.add(ENV);
    }
    if (config.version() != null) {
      written.add(VERSION);
    }
    this.keys = List.copyOf(written);
  }

  /** Creates the correlation and makes {@code tracer} report scope changes to it. */
  public static LogCorrelation install(CoreTracer tracer) {
    LogCorrelation correlation = new LogCorrelation(tracer.config());
    tracer.setScopeListener(correlation);
    return correlation;
  }

  /**
   * Adds {@code mdcClass} to the correlation installed on {@code tracer}, if any: for the agent's
   * advice, which only knows the global tracer. Never throws.
   */
  public static void addMdc(Tracer tracer, Class<?> mdcClass) {
    if (tracer instanceof CoreTracer core
        && core.scopeListener() instanceof LogCorrelation correlation) {
      correlation.addMdc(mdcClass);
    }
  }

  /**
   * Writes to {@code mdcClass} from now on: a class with public static {@code put(String, String)}
   * and {@code remove(String)} methods, such as {@code org.slf4j.MDC}. A class without them is
   * ignored (logged at FINE).
   */
  public void addMdc(Class<?> mdcClass) {
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      add(
          new Mdc(
              lookup.findStatic(mdcClass, "put", PUT),
              lookup.findStatic(mdcClass, "remove", REMOVE)));
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.FINE, "tracehouse: no MDC methods on " + mdcClass, e);
    }
  }

  private synchronized void add(Mdc mdc) {
    Mdc[] more = Arrays.copyOf(mdcs, mdcs.length + 1);
    more[mdcs.length] = mdc;
    mdcs = more;
  }

  @Override
  public void activeSpanChanged(CoreSpan active) {
    Mdc[] targets = mdcs;
    if (targets.length == 0) {
      return;
    }
    Written state = written.get();
    if (active == state.span) {
      return;
    }
    for (Mdc mdc : targets) {
      if (active == null) {
        clear(mdc);
      } else {
        write(mdc, state, active);
      }
    }
    state.trace = active == null ? null : active.trace();
    state.span = active;
  }

  private void write(Mdc mdc, Written state, CoreSpan active) {
    if (state.trace != active.trace()) {
      mdc.put(TRACE_ID, active.trace().loggedTraceId());
    }
    mdc.put(SPAN_ID, Long.toUnsignedString(active.spanId()));
    if (state.span == null) {
      mdc.put(SERVICE, config.service());
      putIfSet(mdc, ENV, config.env());
      putIfSet(mdc, VERSION, config.version());
    }
  }

  private static void putIfSet(Mdc mdc, String key, String value) {
    if (value != null) {
      mdc.put(key, value);
    }
  }

  private void clear(Mdc mdc) {
    for (String key : keys) {
      mdc.remove(key);
    }
  }

  /** What this thread's MDCs hold: the span (and its trace) whose ids were written last. */
  private static final class Written {
    private PendingTrace trace;
    private CoreSpan span;
  }

  /** An application MDC class, called through method handles. */
  private record Mdc(MethodHandle put, MethodHandle remove) {

    /** Puts {@code value}, or removes the key when it is null. */
    void put(String key, String value) {
      if (value == null) {
        remove(key);
        return;
      }
      try {
        put.invokeExact(key, value);
      } catch (Throwable e) {
        throw new IllegalStateException("MDC.put failed", e);
      }
    }

    void remove(String key) {
      try {
        remove.invokeExact(key);
      } catch (Throwable e) {
        throw new IllegalStateException("MDC.remove failed", e);
      }
    }
  }
}
