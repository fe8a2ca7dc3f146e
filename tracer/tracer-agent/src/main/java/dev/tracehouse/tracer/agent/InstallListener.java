package dev.tracehouse.tracer.agent;

import java.util.logging.Level;
import java.util.logging.Logger;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/** Logs instrumented types at FINE and failures to instrument at WARNING (the app runs on). */
final class InstallListener extends AgentBuilder.Listener.Adapter {

  private static final Logger LOG = Logger.getLogger(InstallListener.class.getName());

  @Override
  public void onTransformation(
      TypeDescription type,
      ClassLoader loader,
      JavaModule module,
      boolean loaded,
      DynamicType dynamicType) {
    LOG.log(Level.FINE, "tracehouse: instrumented {0}", type.getName());
  }

  @Override
  public void onError(
      String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
    LOG.log(Level.WARNING, "tracehouse: could not instrument " + typeName, error);
  }
}
