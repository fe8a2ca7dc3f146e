package dev.tracehouse.tracer.agent;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import dev.tracehouse.tracer.GlobalTracer;
import dev.tracehouse.tracer.agent.instrumentation.AgentInstrumentation;
import dev.tracehouse.tracer.agent.instrumentation.ArgumentHook;
import dev.tracehouse.tracer.agent.instrumentation.ClassFileMarkers;
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
import java.io.File;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.Nexus;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;

/**
 * Runs in the bootstrap class loader: creates the tracer (with log correlation when {@code
 * DD_LOGS_INJECTION} is on), registers it in {@link GlobalTracer}, and installs the enabled
 * integrations. Not API: public only for {@link Premain}.
 */
public final class AgentInstaller {

  /** The tracer's and the agent's classes (relocated Byte Buddy included): never instrumented. */
  static final String AGENT_PACKAGE = "dev.tracehouse.tracer.";

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

  /**
   * Installs the agent.
   *
   * @param agentJar the agent jar, from which the advice classes are read
   */
  public static void install(Instrumentation instrumentation, File agentJar) throws IOException {
    TracerConfig config = TracerConfig.fromEnvironment();
    CoreTracer tracer = CoreTracer.create(config);
    if (config.logsInjection()) {
      LogCorrelation.install(tracer);
    }
    GlobalTracer.register(tracer);
    Runtime.getRuntime().addShutdownHook(new Thread(tracer::close, "tracehouse-shutdown"));
    letModuleReadTracer(instrumentation, HttpClientInstrumentation.MODULE);
    // Advice inlined into java.base classes (executors, HttpURLConnection) calls the tracer too.
    letModuleReadTracer(instrumentation, "java.base");

    ClassFileLocator advice = ClassFileLocator.ForJarFile.of(agentJar);
    // The builder's constructor prepares the Nexus injection (a class injected into the system
    // loader, which costs Byte Buddy a run-time generated class) although
    // disableClassFormatChanges() never uses it (ADR 015). The key is relocated with Byte Buddy:
    // it switches off the agent's copy only.
    System.setProperty(Nexus.PROPERTY, "true");
    // Advice only rewrites methods the class declares: no need to compute (and read the class
    // files of) the whole hierarchy's method graph for every instrumented class.
    ByteBuddy byteBuddy =
        new ByteBuddy()
            .with(TypeValidation.DISABLED)
            .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE);
    AgentSwitches switches = AgentSwitches.fromEnvironment();
    List<AgentInstrumentation> enabled = new ArrayList<>();
    Set<String> jdkTypes = new HashSet<>();
    List<ArgumentHook> hooks = new ArrayList<>();
    List<TypeHooks> typeHooks = new ArrayList<>();
    for (AgentInstrumentation integration : INSTRUMENTATIONS) {
      if (switches.enabled(integration.name()) && integration.enabledBy(config)) {
        enabled.add(integration);
        jdkTypes.addAll(integration.jdkTypes());
        hooks.addAll(integration.argumentHooks());
        typeHooks.addAll(integration.typeHooks());
      }
    }
    new EntryWeaver(hooks, typeHooks).install(instrumentation);
    AgentBuilder builder =
        new AgentBuilder.Default(byteBuddy)
            .disableClassFormatChanges()
            // Every integration only visits methods with advice: decorating skips the method
            // registry and the re-declaration of every member that a redefinition builds.
            .with(AgentBuilder.TypeStrategy.Default.DECORATE)
            .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
            .with(new RetransformCandidates(jdkTypes))
            .with(new TypePoolCaches())
            .with(new InstallListener())
            // By name only: any other matcher here would make Byte Buddy parse every class.
            .ignore(nameStartsWith(AGENT_PACKAGE).or(nameStartsWith("net.bytebuddy.")));
    for (AgentInstrumentation integration : enabled) {
      builder = integration.extend(builder, advice);
    }
    instrumentation.addTransformer(ClassFileMarkers.INSTANCE, false);
    builder.installOn(instrumentation);
  }

  /**
   * Lets a named JDK module read the bootstrap loader's unnamed module, where the tracer lives, so
   * that advice inlined into the module's classes can call the tracer.
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
