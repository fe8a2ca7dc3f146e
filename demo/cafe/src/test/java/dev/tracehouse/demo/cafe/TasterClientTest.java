package dev.tracehouse.demo.cafe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracehouse.demo.cafe.FakeTaster.Call;
import dev.tracehouse.demo.cafe.FakeTaster.Hang;
import dev.tracehouse.demo.cafe.FakeTaster.Raw;
import dev.tracehouse.demo.cafe.FakeTaster.Score;
import dev.tracehouse.demo.cafe.FakeTaster.Status;
import dev.tracehouse.demo.cafe.TasterClient.TasteFailedException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TasterClientTest {

  private final FakeTaster taster = new FakeTaster();
  private final TasterClient client = new TasterClient(taster.url(), Duration.ofMillis(300));

  @AfterEach
  void stop() {
    taster.close();
  }

  @Test
  void taste_returnsTheTastersScore() throws Exception {
    taster.reply("jelly", new Score(9));

    assertThat(client.taste("ipa", "jelly")).isEqualTo(9);
    assertThat(taster.calls()).containsExactly(new Call("ipa", "jelly"));
  }

  @Test
  void taste_encodesQueryValues() throws Exception {
    client.taste("pale ale", "jam & cream");

    assertThat(taster.calls()).containsExactly(new Call("pale ale", "jam & cream"));
  }

  @Test
  void taste_failsOnErrorStatus() {
    taster.reply("jelly", new Status(500));

    assertThatThrownBy(() -> client.taste("stout", "jelly"))
        .isInstanceOf(TasteFailedException.class)
        .hasMessageContaining("500");
  }

  @Test
  void taste_failsWhenTheTasterIsTooSlow() {
    taster.reply("jelly", new Hang());

    assertThatThrownBy(() -> client.taste("ipa", "jelly"))
        .isInstanceOf(TasteFailedException.class)
        .hasMessageContaining("timed out");
  }

  @Test
  void taste_failsOnAnswerWithoutNumericScore() {
    taster.reply("jelly", new Raw("{\"score\":\"high\"}"));
    taster.reply("glazed", new Raw("not json"));

    assertThatThrownBy(() -> client.taste("ipa", "jelly"))
        .isInstanceOf(TasteFailedException.class)
        .hasMessageContaining("without a numeric score");
    assertThatThrownBy(() -> client.taste("ipa", "glazed"))
        .isInstanceOf(TasteFailedException.class)
        .hasMessageContaining("invalid JSON");
  }

  @Test
  void taste_failsWhenNothingListens() throws Exception {
    TasterClient nowhere =
        new TasterClient(
            URI.create("http://127.0.0.1:" + EmbeddedRedis.freePort()), Duration.ofMillis(300));

    assertThatThrownBy(() -> nowhere.taste("ipa", "jelly"))
        .isInstanceOf(TasteFailedException.class)
        .hasMessageContaining("taster call failed");
  }
}
