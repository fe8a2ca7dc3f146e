package dev.tracehouse.tracer.agent.instrumentation;

import org.objectweb.asm.Type;

/** The box class of each primitive type, for hook arguments passed as {@code Object}. */
final class Boxing {
  private Boxing() {}

  /** The box of {@code primitive} ({@code java/lang/Integer} for {@code I}). */
  static Type of(Type primitive) {
    String box =
        switch (primitive.getSort()) {
          case Type.BOOLEAN -> "java/lang/Boolean";
          case Type.BYTE -> "java/lang/Byte";
          case Type.CHAR -> "java/lang/Character";
          case Type.SHORT -> "java/lang/Short";
          case Type.INT -> "java/lang/Integer";
          case Type.FLOAT -> "java/lang/Float";
          case Type.LONG -> "java/lang/Long";
          case Type.DOUBLE -> "java/lang/Double";
          default -> throw new IllegalArgumentException("not a primitive: " + primitive);
        };
    return Type.getObjectType(box);
  }
}
