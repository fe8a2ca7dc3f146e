package dev.tracehouse.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A {@code -javaagent} that does nothing, for {@link TracingMode#NOOP} and {@link
 * TracingMode#HOOK}: its manifest asks for the same capabilities as the tracehouse agent's ({@code
 * Can-Redefine-Classes}, {@code Can-Retransform-Classes}); with the argument {@value
 * #HOOK_ARGUMENT} its premain registers a retransform-capable transformer that changes no class, so
 * that the JVM calls into Java for every class it defines, as it does for the tracehouse agent's
 * transformers. Not API: public only because the JVM calls {@link #premain}.
 */
public final class TrivialAgent implements ClassFileTransformer {
  static final String HOOK_ARGUMENT = "transformer";

  private TrivialAgent() {}

  public static void premain(String arguments, Instrumentation instrumentation) {
    if (HOOK_ARGUMENT.equals(arguments)) {
      instrumentation.addTransformer(new TrivialAgent(), true);
    }
  }

  /** Writes the agent's jar (this class and a manifest naming it) into {@code directory}. */
  static Path writeJar(Path directory) throws IOException {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.putValue("Premain-Class", TrivialAgent.class.getName());
    main.putValue("Can-Redefine-Classes", "true");
    main.putValue("Can-Retransform-Classes", "true");
    String classFile = TrivialAgent.class.getName().replace('.', '/') + ".class";
    Path jar = directory.resolve("trivial-agent.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        InputStream bytes = TrivialAgent.class.getClassLoader().getResourceAsStream(classFile)) {
      if (bytes == null) {
        throw new IOException(classFile + " not found on the harness's class path");
      }
      out.putNextEntry(new JarEntry(classFile));
      bytes.transferTo(out);
      out.closeEntry();
    }
    return jar;
  }
}
