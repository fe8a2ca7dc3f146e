package dev.tracehouse.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Locates the captured client traffic in {@code shared/fixtures} (system property shared.dir). */
public final class Fixtures {
  private Fixtures() {}

  public static Path dir() {
    String shared = System.getProperty("shared.dir");
    if (shared == null) {
      throw new IllegalStateException("system property shared.dir is not set (run through Maven)");
    }
    Path dir = Path.of(shared, "fixtures");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("fixtures not found at " + dir.toAbsolutePath());
    }
    return dir;
  }

  /** Every captured v0.4 trace payload, {@code fixtures/**}{@code /v04-*.msgpack}, sorted. */
  public static List<Path> v04Payloads() {
    return matching("v04-.*\\.msgpack");
  }

  /** Every captured v0.5 trace payload, {@code fixtures/**}{@code /v05-*.msgpack}, sorted. */
  public static List<Path> v05Payloads() {
    return matching("v05-.*\\.msgpack");
  }

  /** Every fixture file whose name matches {@code regex}, sorted; fails when there is none. */
  public static List<Path> matching(String regex) {
    try (Stream<Path> files = Files.walk(dir())) {
      List<Path> found =
          files
              .filter(p -> p.getFileName().toString().matches(regex))
              .sorted()
              .collect(Collectors.toList());
      if (found.isEmpty()) {
        throw new IllegalStateException("no fixture matching " + regex + " under " + dir());
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file next to a payload with another suffix: {@code v04-traces.decoded.json}. */
  public static Path sibling(Path payload, String suffix) {
    String name = payload.getFileName().toString().replaceFirst("\\.msgpack$", suffix);
    return payload.resolveSibling(name);
  }

  public static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
