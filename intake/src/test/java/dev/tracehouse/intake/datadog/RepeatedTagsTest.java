package dev.tracehouse.intake.datadog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RepeatedTagsTest {
  private static final byte[] BODY =
      "[map-A][map-A][map-B][map-A]".getBytes(StandardCharsets.US_ASCII);

  private final RepeatedTags<String> tags = new RepeatedTags<>();

  @Test
  void replay_reusesTheLastMapReadWholeFromIdenticalBytes() {
    tags.clear();
    tags.startRegion(0);
    tags.put("env", "a");
    tags.endRegion(7);
    var first = tags.build();

    tags.clear();
    assertThat(tags.replay(BODY, 7, BODY.length)).isEqualTo(7);
    assertThat(tags.build()).isSameAs(first);

    tags.clear();
    assertThat(tags.replay(BODY, 14, BODY.length)).isEqualTo(-1);
    assertThat(tags.replay(BODY, 21, 27)).as("bytes beyond the end").isEqualTo(-1);
  }

  @Test
  void replay_isRefusedWithoutARegionAndAfterEntries() {
    tags.clear();
    tags.put("env", "a");
    tags.build();

    tags.clear();
    assertThat(tags.replay(BODY, 7, BODY.length)).as("entries put outside a region").isEqualTo(-1);

    tags.startRegion(0);
    tags.put("env", "a");
    tags.endRegion(7);
    assertThat(tags.replay(BODY, 7, BODY.length)).as("the span already has entries").isEqualTo(-1);
  }

  @Test
  void put_afterAReplayAddsToTheReusedEntries() {
    tags.clear();
    tags.startRegion(0);
    tags.put("env", "a");
    tags.put("version", "1");
    tags.endRegion(7);
    tags.build();

    tags.clear();
    tags.replay(BODY, 7, BODY.length);
    tags.put("env", "b");

    assertThat(tags.build()).containsOnly(entry("env", "b"), entry("version", "1"));
  }
}
