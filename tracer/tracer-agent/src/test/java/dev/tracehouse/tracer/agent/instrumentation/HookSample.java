package dev.tracehouse.tracer.agent.instrumentation;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** The class {@link MethodHookWeavingTest} weaves: methods of every return type and shape. */
public class HookSample {
  protected boolean flag = true;

  /** Marks the methods an annotation-filtered hook weaves. */
  @Retention(RetentionPolicy.RUNTIME)
  public @interface Marked {}

  public int plusOne(int x) {
    int sum = 0;
    for (int i = 0; i <= x; i++) { // branches: frames must get the hook's local
      sum += i == x ? 1 : 0;
    }
    return x + sum;
  }

  public long sum(long a, double b, String c) {
    return a + (long) b + c.length();
  }

  public double half(double d) {
    return d / 2;
  }

  public float third(float f) {
    return f / 3;
  }

  public boolean not(boolean b) {
    return !b;
  }

  public char next(char c) {
    return (char) (c + 1);
  }

  public byte small(byte b) {
    return (byte) (b + 1);
  }

  public short medium(short s) {
    return (short) (s + 1);
  }

  public int[] array(int n) {
    return new int[n];
  }

  @Marked
  public String echo(String s) {
    try {
      if (s == null) {
        throw new IllegalStateException("null");
      }
      return s;
    } catch (IllegalStateException e) { // the method's own handler must still come first
      return "caught";
    }
  }

  public void nothing() {
    flag = !flag;
  }

  public int sign(int x) {
    if (x > 0) {
      return 1;
    }
    if (x < 0) {
      return -1;
    }
    return 0;
  }

  public void fail(String message) {
    throw new IllegalArgumentException(message);
  }

  public synchronized int failInLoop(int rounds) {
    for (int i = 0; ; i++) {
      if (i == rounds) {
        throw new IllegalStateException("round " + i);
      }
    }
  }

  public static String staticEcho(String s) {
    return s + "!";
  }

  public static long staticFail(long code) {
    throw new UnsupportedOperationException("code " + code);
  }
}
