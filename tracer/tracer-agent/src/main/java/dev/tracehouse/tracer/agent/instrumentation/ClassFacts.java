package dev.tracehouse.tracer.agent.instrumentation;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * What a {@link TypeHooks} condition may ask about a class being defined: its header, and its super
 * types, which are read (headers only) from the class loader's class files, because a class is
 * transformed before its super class is loaded. Not API: public for the integrations' packages.
 */
public final class ClassFacts {
  private final ClassLoader loader;
  private final ClassReader reader;

  ClassFacts(ClassLoader loader, ClassReader reader) {
    this.loader = loader;
    this.reader = reader;
  }

  /** Whether the class is an interface (or an annotation). */
  public boolean isInterface() {
    return (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0;
  }

  /** Whether the class is abstract (interfaces are). */
  public boolean isAbstract() {
    return (reader.getAccess() & Opcodes.ACC_ABSTRACT) != 0;
  }

  /** The class's internal name. */
  public String name() {
    return reader.getClassName();
  }

  /**
   * Whether {@code internalName} is a super class or an implemented interface of this class, at any
   * depth. A super type whose class file cannot be read counts as not matching.
   */
  public boolean hasSuperType(String internalName) {
    return SuperTypes.of(loader)
        .extendsOrImplements(reader.getSuperName(), reader.getInterfaces(), internalName, false);
  }

  /** Whether {@code internalName} is a super class of this class, at any depth. */
  public boolean hasSuperClass(String internalName) {
    return SuperTypes.of(loader)
        .extendsOrImplements(reader.getSuperName(), new String[0], internalName, true);
  }
}
