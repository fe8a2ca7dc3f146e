package dev.tracehouse.tracer.agent.instrumentation;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;

/**
 * The super class and interfaces of classes, per class loader, read from the loader's class files
 * (their headers only) and kept: a driver's statement classes share their super types, which are
 * then read once. Loaders are held weakly.
 */
final class SuperTypes {
  private static final String[] NONE = new String[0];
  private static final Map<ClassLoader, SuperTypes> BY_LOADER =
      Collections.synchronizedMap(new WeakHashMap<>());
  private static final SuperTypes BOOTSTRAP = new SuperTypes(null);

  private final ClassLoader loader;

  /** Internal name to {super, interfaces...}; {@link #NONE} when unreadable. */
  private final Map<String, String[]> headers = new ConcurrentHashMap<>();

  private SuperTypes(ClassLoader loader) {
    this.loader = loader;
  }

  static SuperTypes of(ClassLoader loader) {
    return loader == null ? BOOTSTRAP : BY_LOADER.computeIfAbsent(loader, SuperTypes::new);
  }

  /**
   * Whether {@code target} is among the super types reached from {@code superName} and {@code
   * interfaces} (super classes only when {@code classesOnly}).
   */
  boolean extendsOrImplements(
      String superName, String[] interfaces, String target, boolean classesOnly) {
    Deque<String> pending = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    if (superName != null) {
      pending.add(superName);
    }
    if (!classesOnly) {
      Collections.addAll(pending, interfaces);
    }
    while (!pending.isEmpty()) {
      String type = pending.poll();
      if (type.equals(target)) {
        return true;
      }
      if (type.equals("java/lang/Object") || !seen.add(type)) {
        continue;
      }
      // Not computeIfAbsent: reading a class file may load (and so transform) other classes,
      // which may come back here on this thread.
      String[] header = headers.get(type);
      if (header == null) {
        header = read(type);
        headers.putIfAbsent(type, header);
      }
      if (header.length == 0) {
        continue;
      }
      if (header[0] != null) {
        pending.add(header[0]);
      }
      if (!classesOnly) {
        for (int i = 1; i < header.length; i++) {
          pending.add(header[i]);
        }
      }
    }
    return false;
  }

  private String[] read(String internalName) {
    String resource = internalName + ".class";
    try (InputStream in =
        loader == null
            ? ClassLoader.getSystemResourceAsStream(resource)
            : loader.getResourceAsStream(resource)) {
      if (in == null) {
        return NONE;
      }
      ClassReader reader = new ClassReader(in);
      String[] interfaces = reader.getInterfaces();
      String[] header = new String[interfaces.length + 1];
      header[0] = reader.getSuperName();
      System.arraycopy(interfaces, 0, header, 1, interfaces.length);
      return header;
    } catch (IOException | RuntimeException e) {
      return NONE;
    }
  }
}
