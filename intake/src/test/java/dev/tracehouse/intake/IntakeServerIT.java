package dev.tracehouse.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** Starting, binding and stopping the listener. */
class IntakeServerIT {
  private static final IntakeConfig ANY_PORT = new IntakeConfig("127.0.0.1", 0, 1024);

  @Test
  void start_onPortZero_bindsAFreePortAndServes() {
    try (IntakeServer server = IntakeServer.start(ANY_PORT, spans -> true)) {
      assertThat(server.datadogPort()).isBetween(1, 65535);
      assertThat(new IntakeClient(server.datadogPort()).send("GET", "/info", null).statusCode())
          .isEqualTo(200);
      assertThat(server.stats()).isEqualTo(new IntakeStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }
  }

  @Test
  void start_onBusyPort_failsNamingTheKeyAndPort() {
    try (IntakeServer first = IntakeServer.start(ANY_PORT, spans -> true)) {
      int port = first.datadogPort();

      assertThatThrownBy(
              () -> IntakeServer.start(new IntakeConfig("127.0.0.1", port, 1024), spans -> true))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("intake.datadog.port")
          .hasMessageContaining(String.valueOf(port));
    }
  }

  @Test
  void close_releasesThePortAndIsIdempotent() {
    IntakeServer server = IntakeServer.start(ANY_PORT, spans -> true);
    int port = server.datadogPort();

    server.close();
    server.close();

    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void start_rejectsNullArguments() {
    assertThatThrownBy(() -> IntakeServer.start(null, spans -> true)).hasMessage("config");
    assertThatThrownBy(() -> IntakeServer.start(ANY_PORT, null)).hasMessage("sink");
  }
}
