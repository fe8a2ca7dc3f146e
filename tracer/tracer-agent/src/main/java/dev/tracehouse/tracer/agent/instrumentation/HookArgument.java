package dev.tracehouse.tracer.agent.instrumentation;

/**
 * One value a woven hook call passes to its hook method, in the hook's parameter order. Not API:
 * public for the integrations' packages.
 *
 * @param kind what is passed
 * @param index the parameter's index ({@link Kind#ARGUMENT} only, else -1)
 * @param field the field's name ({@link Kind#FIELD} only, else {@code null})
 * @param descriptor the field's type descriptor ({@link Kind#FIELD} only, else {@code null})
 */
public record HookArgument(Kind kind, int index, String field, String descriptor) {

  /** What a {@link HookArgument} passes. */
  public enum Kind {
    /** The instance the method runs on. */
    THIS,
    /** One of the method's arguments, with its declared type. */
    ARGUMENT,
    /** A field of the instance, read inside the woven class (so protected fields work too). */
    FIELD,
    /** The class that declares the woven method. */
    ORIGIN_CLASS,
    /** The woven method's name followed by its descriptor: {@code order(Ljava/lang/String;)V}. */
    ORIGIN_METHOD,
    /** What the enter hook returned (exit hook only). */
    ENTER_STATE,
    /**
     * The returned value, boxed if primitive, {@code null} for void or a throw (exit hook only).
     */
    RETURNED,
    /** The throwable leaving the method, {@code null} on a return (exit hook only). */
    THROWN
  }

  /** The instance the method runs on. */
  public static HookArgument self() {
    return new HookArgument(Kind.THIS, -1, null, null);
  }

  /** The method's argument at {@code index} (0 is the first). */
  public static HookArgument argument(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("argument index must be >= 0: " + index);
    }
    return new HookArgument(Kind.ARGUMENT, index, null, null);
  }

  /** The instance's field {@code name} of type {@code descriptor} ({@code Z}, {@code I}, ...). */
  public static HookArgument field(String name, String descriptor) {
    return new HookArgument(Kind.FIELD, -1, name, descriptor);
  }

  /** The declaring class. */
  public static HookArgument originClass() {
    return new HookArgument(Kind.ORIGIN_CLASS, -1, null, null);
  }

  /** The method's name and descriptor. */
  public static HookArgument originMethod() {
    return new HookArgument(Kind.ORIGIN_METHOD, -1, null, null);
  }

  /** The enter hook's result. */
  public static HookArgument enterState() {
    return new HookArgument(Kind.ENTER_STATE, -1, null, null);
  }

  /** The returned value. */
  public static HookArgument returned() {
    return new HookArgument(Kind.RETURNED, -1, null, null);
  }

  /** The throwable leaving the method. */
  public static HookArgument thrown() {
    return new HookArgument(Kind.THROWN, -1, null, null);
  }

  /** Whether only an exit hook can take this value. */
  boolean exitOnly() {
    return kind == Kind.ENTER_STATE || kind == Kind.RETURNED || kind == Kind.THROWN;
  }
}
