package dev.tracehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Acceptance: stopping the demo (SIGTERM, as Ctrl-C) leaves no process and no temp dir behind. */
class DemoShutdownIT {

  @Test
  void stop_leavesNoOrphanProcessesPortsOrTempDirs() throws IOException {
    Set<Path> tempBefore = redisTempDirs();
    DemoStack demo = DemoStack.start();
    List<ProcessHandle> children = demo.children();
    assertThat(children).hasSizeGreaterThanOrEqualTo(3);
    assertThat(Http.get(demo.cafe("/ping")).status()).isEqualTo(200);

    demo.close();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(children).noneMatch(ProcessHandle::isAlive));
    for (int port :
        new int[] {
          demo.intakePort,
          demo.webPort,
          demo.cafePort,
          demo.tasterPort,
          demo.redisPort,
          demo.otlpPort,
          demo.zipkinPort
        }) {
      assertThat(isFree(port)).as("port %d is free", port).isTrue();
    }
    assertThat(redisTempDirs()).isSubsetOf(tempBefore);
    demo.deleteData();
  }

  private static Set<Path> redisTempDirs() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files
          .filter(p -> p.getFileName().toString().startsWith("tracehouse-redis"))
          .collect(Collectors.toSet());
    }
  }

  private static boolean isFree(int port) {
    try (ServerSocket s = new ServerSocket(port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
