package dev.tracehouse.tracer.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WeakIdentityMapTest {

  private final WeakIdentityMap<String> map = new WeakIdentityMap<>();

  @Test
  void get_comparesKeysByIdentity() {
    String key = new String("conn");
    map.put(key, "a");

    assertThat(map.get(key)).isEqualTo("a");
    assertThat(map.get(new String("conn"))).isNull();
    assertThat(map.get(null)).isNull();
  }

  @Test
  void remove_returnsAndForgetsTheValue() {
    Object key = new Object();
    map.put(key, "a");

    assertThat(map.remove(key)).isEqualTo("a");
    assertThat(map.get(key)).isNull();
    assertThat(map.size()).isZero();
  }

  @Test
  void size_dropsEntriesOfCollectedKeys() {
    map.put(new Object(), "dropped by the application");

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              System.gc();
              return map.size() == 0;
            });
  }
}
