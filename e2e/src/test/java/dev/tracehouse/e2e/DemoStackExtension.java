package dev.tracehouse.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects one {@link DemoStack} shared by every test class of the run; JUnit closes it (stopping
 * the demo) when the run ends.
 */
final class DemoStackExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == DemoStack.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.create(DemoStackExtension.class))
        .getOrComputeIfAbsent("stack", key -> start(), DemoStack.class);
  }

  private static DemoStack start() {
    try {
      return DemoStack.start();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
