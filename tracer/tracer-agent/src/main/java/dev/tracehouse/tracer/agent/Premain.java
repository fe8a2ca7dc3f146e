package dev.tracehouse.tracer.agent;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.util.jar.JarFile;

/**
 * The {@code -javaagent} entry point. Loaded by the system class loader, it only puts the agent jar
 * on the bootstrap class path and hands over to {@link AgentInstaller}, loaded there, so that one
 * copy of the tracer is visible to JDK classes and to the application. Never fails the application.
 */
public final class Premain {

  /** Named, not referenced: a class literal here would load the installer in the wrong loader. */
  private static final String INSTALLER = "dev.tracehouse.tracer.agent.AgentInstaller";

  private Premain() {}

  public static void premain(String arguments, Instrumentation instrumentation) {
    start(instrumentation);
  }

  public static void agentmain(String arguments, Instrumentation instrumentation) {
    start(instrumentation);
  }

  private static void start(Instrumentation instrumentation) {
    try {
      File jar =
          new File(Premain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      try (JarFile agentJar = new JarFile(jar)) {
        instrumentation.appendToBootstrapClassLoaderSearch(agentJar);
      }
      Class<?> installer = Class.forName(INSTALLER, true, null);
      installer.getMethod("install", Instrumentation.class).invoke(null, instrumentation);
    } catch (InvocationTargetException e) {
      System.err.println("tracehouse: agent not started, running untraced: " + e.getCause());
    } catch (Throwable e) {
      System.err.println("tracehouse: agent not started, running untraced: " + e);
    }
  }
}
