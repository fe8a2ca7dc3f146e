package dev.tracehouse.tracer.agent.instrumentation;

import java.util.ArrayList;
import java.util.List;

/** Hooks for {@link MethodHookWeavingTest}: each call is recorded as a list of what it got. */
public final class HookRecorder {
  /** The calls, in order; cleared by each test. */
  public static final List<List<Object>> CALLS = new ArrayList<>();

  private HookRecorder() {}

  public static String enter(Object self, String method) {
    CALLS.add(List.of("enter", self, method));
    return "state of " + method;
  }

  public static void exit(String state, Object returned, Throwable thrown) {
    CALLS.add(listOf("exit", state, returned, thrown));
  }

  public static void returnedOnly(Object returned) {
    CALLS.add(listOf("returned", returned));
  }

  public static void enterWithValues(long a, Object b, boolean flag) {
    CALLS.add(List.of("values", a, b, flag));
  }

  public static Object enterStatic(Class<?> origin, String method) {
    CALLS.add(List.of("enter", origin, method));
    return method;
  }

  public static void exitStatic(Object state, Throwable thrown) {
    CALLS.add(listOf("exit", state, thrown));
  }

  public static Object longer(String state, Object original) {
    CALLS.add(List.of("replace", state, original));
    return original + "xy";
  }

  public static int notReturningVoid(Object state) {
    return 0;
  }

  public static void wrongThrown(Object state, Exception thrown) {}

  private static List<Object> listOf(Object... values) {
    List<Object> list = new ArrayList<>();
    for (Object value : values) {
      list.add(value);
    }
    return list;
  }
}
