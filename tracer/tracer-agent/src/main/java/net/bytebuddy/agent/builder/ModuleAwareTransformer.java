package net.bytebuddy.agent.builder;

import java.security.ProtectionDomain;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * Byte Buddy's class-file transformer with the Java 9 {@code transform(Module, …)} entry point
 * compiled ahead of time. Byte Buddy itself generates this subclass at run time, the first time an
 * agent is installed, which loads its whole class-generation machinery (a few hundred classes)
 * before the application starts; the agent replaces that step with this class (ADR 015). Lives in
 * Byte Buddy's package (relocated with it) because the constructor's parameter types are
 * package-private there. Not API.
 */
public final class ModuleAwareTransformer extends AgentBuilder.Default.ExecutingTransformer {

  /** Byte Buddy's own constructor signature, so that its factory can call this one. */
  public ModuleAwareTransformer(
      ByteBuddy byteBuddy,
      AgentBuilder.Listener listener,
      AgentBuilder.PoolStrategy poolStrategy,
      AgentBuilder.TypeStrategy typeStrategy,
      AgentBuilder.LocationStrategy locationStrategy,
      ClassFileLocator classFileLocator,
      AgentBuilder.Default.NativeMethodStrategy nativeMethodStrategy,
      AgentBuilder.InitializationStrategy initializationStrategy,
      AgentBuilder.InjectionStrategy injectionStrategy,
      AgentBuilder.LambdaInstrumentationStrategy lambdaInstrumentationStrategy,
      AgentBuilder.DescriptionStrategy descriptionStrategy,
      AgentBuilder.FallbackStrategy fallbackStrategy,
      AgentBuilder.ClassFileBufferStrategy classFileBufferStrategy,
      AgentBuilder.InstallationListener installationListener,
      AgentBuilder.RawMatcher ignoreMatcher,
      AgentBuilder.RedefinitionStrategy.ResubmissionEnforcer resubmissionEnforcer,
      List<AgentBuilder.Default.Transformation> transformations,
      AgentBuilder.CircularityLock circularityLock) {
    super(
        byteBuddy,
        listener,
        poolStrategy,
        typeStrategy,
        locationStrategy,
        classFileLocator,
        nativeMethodStrategy,
        initializationStrategy,
        injectionStrategy,
        lambdaInstrumentationStrategy,
        descriptionStrategy,
        fallbackStrategy,
        classFileBufferStrategy,
        installationListener,
        ignoreMatcher,
        resubmissionEnforcer,
        transformations,
        circularityLock);
  }

  /** What the JVM calls: hands the class's module to Byte Buddy's module-aware transformation. */
  @Override
  public byte[] transform(
      Module module,
      ClassLoader loader,
      String internalName,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain,
      byte[] classFile) {
    return transform(
        (Object) module, loader, internalName, classBeingRedefined, protectionDomain, classFile);
  }
}
