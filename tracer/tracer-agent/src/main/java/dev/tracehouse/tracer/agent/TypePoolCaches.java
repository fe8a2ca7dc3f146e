package dev.tracehouse.tracer.agent;

import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.pool.TypePool;

/**
 * One type-description cache per class loader for Byte Buddy's matchers, so that a super type (say
 * {@code HttpServlet}, or {@code Object}) is read from its class file once per loader instead of
 * once per class that is matched against it; class files are read without debug information. Class
 * loaders are held weakly: an application that drops a loader drops its cache.
 */
final class TypePoolCaches extends AgentBuilder.PoolStrategy.WithTypePoolCache {
  private final Map<ClassLoader, TypePool.CacheProvider> byLoader = new WeakHashMap<>();
  private final TypePool.CacheProvider bootstrap = TypePool.CacheProvider.Simple.withObjectType();

  TypePoolCaches() {
    super(TypePool.Default.ReaderMode.FAST);
  }

  @Override
  protected TypePool.CacheProvider locate(ClassLoader loader) {
    if (loader == null) {
      return bootstrap;
    }
    synchronized (byLoader) {
      return byLoader.computeIfAbsent(loader, l -> TypePool.CacheProvider.Simple.withObjectType());
    }
  }
}
