package dev.tracehouse.tracer.agent;

import dev.tracehouse.tracer.GlobalTracer;
import dev.tracehouse.tracer.agent.instrumentation.AgentInstrumentation;
import dev.tracehouse.tracer.agent.instrumentation.ArgumentHook;
import dev.tracehouse.tracer.agent.instrumentation.EntryWeaver;
import dev.tracehouse.tracer.agent.instrumentation.TypeHooks;
import dev.tracehouse.tracer.agent.instrumentation.annotation.TraceAnnotationInstrumentation;
import dev.tracehouse.tracer.agent.instrumentation.concurrent.ConcurrentInstrumentation;
import dev.tracehouse.tracer.agent.instrumentation.httpclient.HttpClientInstrumentation;
import dev.tracehouse.tracer.agent.instrumentation.javalin.JavalinInstrumentation;
import dev.tracehouse.tracer.agent.instrumentation.jdbc.JdbcInstrumentation;
import dev.tracehouse.tracer.agent.instrumentation.jedis.JedisInstrumentation;
import dev.tracehouse.tracer.agent.instrumentation.servlet.ServletInstrumentation;
import dev.tracehouse.tracer.agent.instrumentation.slf4j.MdcInstrumentation;
import dev.tracehouse.tracer.agent.instrumentation.urlconnection.UrlConnectionInstrumentation;
import dev.tracehouse.tracer.core.CoreTracer;
import dev.tracehouse.tracer.core.LogCorrelation;
import dev.tracehouse.tracer.core.TracerConfig;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs in the bootstrap class loader: creates the tracer (with log correlation when {@code
 * DD_LOGS_INJECTION} is on), registers it in {@link GlobalTracer}, and installs the enabled
 * integrations, all woven with plain ASM by {@link EntryWeaver} (ADR 021: no Byte Buddy). Not API:
 * public only for {@link Premain}.
 */
public final class AgentInstaller {

  private static final List<AgentInstrumentation> INSTRUMENTATIONS =
      List.of(
          new ServletInstrumentation(),
          new HttpClientInstrumentation(),
          new TraceAnnotationInstrumentation(),
          new MdcInstrumentation(),
          new JdbcInstrumentation(),
          new JedisInstrumentation(),
          new ConcurrentInstrumentation(),
          new UrlConnectionInstrumentation(),
          new JavalinInstrumentation());

  private AgentInstaller() {}

  /** Installs the agent. */
  public static void install(Instrumentation instrumentation) {
    TracerConfig config = TracerConfig.fromEnvironment();
    CoreTracer tracer = CoreTracer.create(config);
    if (config.logsInjection()) {
      LogCorrelation.install(tracer);
    }
    GlobalTracer.register(tracer);
    Runtime.getRuntime().addShutdownHook(new Thread(tracer::close, "tracehouse-shutdown"));
    letModuleReadTracer(instrumentation, HttpClientInstrumentation.MODULE);
    // Hooks woven into java.base classes (executors, HttpURLConnection) call the tracer too.
    letModuleReadTracer(instrumentation, "java.base");

    AgentSwitches switches = AgentSwitches.fromEnvironment();
    List<ArgumentHook> hooks = new ArrayList<>();
    List<TypeHooks> typeHooks = new ArrayList<>();
    for (AgentInstrumentation integration : INSTRUMENTATIONS) {
      if (switches.enabled(integration.name()) && integration.enabledBy(config)) {
        hooks.addAll(integration.argumentHooks());
        typeHooks.addAll(integration.typeHooks());
      }
    }
    new EntryWeaver(hooks, typeHooks).install(instrumentation);
  }

  /**
   * Lets a named JDK module read the bootstrap loader's unnamed module, where the tracer lives, so
   * that hooks woven into the module's classes can call the tracer.
   */
  private static void letModuleReadTracer(Instrumentation instrumentation, String moduleName) {
    ModuleLayer.boot()
        .findModule(moduleName)
        .ifPresent(
            module ->
                instrumentation.redefineModule(
                    module,
                    Set.of(AgentInstaller.class.getModule()),
                    Map.of(),
                    Map.of(),
                    Set.of(),
                    Map.of()));
  }
}
