package net.bytebuddy.agent.builder;

import java.lang.reflect.Constructor;
import java.security.PrivilegedAction;

/**
 * Replaces, in the agent jar, Byte Buddy's {@code ExecutingTransformer.Factory.CreationAction},
 * which generates a transformer subclass at run time: this one returns Byte Buddy's Java 9 factory
 * for the precompiled {@link ModuleAwareTransformer} (ADR 015). The shade plugin renames this class
 * to Byte Buddy's binary name (javac cannot compile a class of that name) and leaves Byte Buddy's
 * original out of the jar. Not API.
 */
public enum PrecompiledTransformerFactory
    implements PrivilegedAction<AgentBuilder.Default.ExecutingTransformer.Factory> {
  /** Read by Byte Buddy's transformer's static initialiser. */
  INSTANCE;

  @Override
  @SuppressWarnings("unchecked") // its one constructor, with the parameters of Byte Buddy's
  public AgentBuilder.Default.ExecutingTransformer.Factory run() {
    return new AgentBuilder.Default.ExecutingTransformer.Factory.ForJava9CapableVm(
        (Constructor<ModuleAwareTransformer>) ModuleAwareTransformer.class.getConstructors()[0]);
  }
}
