package dev.tracehouse.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebConfigTest {

  @Test
  void defaults_listenOnLoopback8080() {
    assertThat(WebConfig.defaults()).isEqualTo(new WebConfig("127.0.0.1", 8080));
  }

  @Test
  void create_acceptsPortZeroAndMax() {
    assertThat(new WebConfig("0.0.0.0", 0).port()).isZero();
    assertThat(new WebConfig("localhost", 65535).port()).isEqualTo(65535);
  }

  @Test
  void create_rejectsBadPortNamingKey() {
    assertThatThrownBy(() -> new WebConfig("127.0.0.1", 65536))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("web.port")
        .hasMessageContaining("65536");
    assertThatThrownBy(() -> new WebConfig("127.0.0.1", -1))
        .hasMessageContaining("web.port")
        .hasMessageContaining("-1");
  }

  @Test
  void create_rejectsBlankHostNamingKey() {
    assertThatThrownBy(() -> new WebConfig(" ", 80)).hasMessageContaining("web.host");
    assertThatThrownBy(() -> new WebConfig(null, 80)).hasMessageContaining("web.host");
  }
}
