package dev.tracehouse.tracer.agent.instrumentation;

import java.io.IOException;
import java.io.InputStream;

/** Class files of test classes, and a loader that defines woven copies of them. */
final class ClassFiles {
  private ClassFiles() {}

  /** The class file {@code type} was loaded from. */
  static byte[] of(Class<?> type) throws IOException {
    try (InputStream in = type.getResourceAsStream("/" + internalName(type) + ".class")) {
      return in.readAllBytes();
    }
  }

  static String internalName(Class<?> type) {
    return type.getName().replace('.', '/');
  }

  /**
   * Defines {@code classFile} as {@code type}'s woven copy in a new loader next to the test's
   * classes (which it links to), so the JVM's verifier checks it.
   */
  static Class<?> defineWoven(Class<?> type, byte[] classFile) {
    return new DefiningLoader(type.getClassLoader()).define(type.getName(), classFile);
  }

  private static final class DefiningLoader extends ClassLoader {
    DefiningLoader(ClassLoader parent) {
      super(parent);
    }

    Class<?> define(String name, byte[] classFile) {
      return defineClass(name, classFile, 0, classFile.length);
    }
  }
}
