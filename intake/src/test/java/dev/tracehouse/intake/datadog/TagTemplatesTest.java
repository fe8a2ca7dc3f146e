package dev.tracehouse.intake.datadog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.tracehouse.model.TagMap;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagTemplatesTest {
  /** Each map's keys and values as text segments; offsets are found with indexOf. */
  private static final String TEXT =
      "|env=prod,url=/a1|env=prod,url=/a1|env=prod,url=/b2|env=prod,uri=/a1|x=1,y=2,z=3"
          + "|env=prod,env=test|env=prod,env=test|a=1,b=2|c=1,d=2|a=1,b=2|c=1,d=2|";

  private static final byte[] BODY = TEXT.getBytes(StandardCharsets.US_ASCII);

  private final TagTemplates<String> templates = new TagTemplates<>();

  /** Reads the map whose text starts at the {@code occurrence}th '|' as the decoder would. */
  private Map<String, String> read(int occurrence) {
    int at = -1;
    for (int i = 0; i <= occurrence; i++) {
      at = TEXT.indexOf('|', at + 1);
    }
    String[] entries = TEXT.substring(at + 1, TEXT.indexOf('|', at + 1)).split(",");
    assertThat(templates.start(entries.length)).isTrue();
    int offset = at + 1;
    for (String e : entries) {
      String key = e.substring(0, e.indexOf('='));
      String value = e.substring(e.indexOf('=') + 1);
      if (templates.knownKey(BODY, offset, key.length()) == null) {
        templates.key(new String(key), offset, key.length());
      }
      offset += key.length() + 1;
      if (templates.knownValue(BODY, offset, value.length()) == null) {
        templates.value(new String(value), offset, value.length());
      }
      offset += value.length() + 1;
    }
    return templates.finish();
  }

  @Test
  void finish_aMapWithTheTemplatesBytesIsTheTemplatesMap() {
    Map<String, String> first = read(0);
    Map<String, String> second = read(1);

    assertThat(first).containsExactly(entry("env", "prod"), entry("url", "/a1"));
    assertThat(second).isSameAs(first);
  }

  @Test
  void knownValue_refusesOtherBytesOfTheSameLength() {
    Map<String, String> first = read(0);
    Map<String, String> other = read(2);

    assertThat(other).containsExactly(entry("env", "prod"), entry("url", "/b2"));
    assertThat(((TagMap<String>) other).keys()).isSameAs(((TagMap<String>) first).keys());
    assertThat(other.get("env")).isSameAs(first.get("env"));
  }

  @Test
  void knownKey_refusesAnotherKeyAndTheMapIsBuiltFromItsOwnEntries() {
    read(0);
    assertThat(read(3)).containsExactly(entry("env", "prod"), entry("uri", "/a1"));
    assertThat(read(1))
        .as("the template is now the last map read")
        .containsExactly(entry("env", "prod"), entry("url", "/a1"));
  }

  @Test
  void start_mapsOfAnotherSizeDoNotUseTheTemplate() {
    read(0);
    assertThat(templates.start(3)).isTrue();
    assertThat(templates.knownKey(BODY, 1, 3)).as("the bytes of 'env'").isNull();
  }

  @Test
  void finish_aRepeatedKeyKeepsItsLastValueAndMakesNoTemplate() {
    assertThat(read(5)).containsExactly(entry("env", "test"));
    assertThat(read(6)).containsExactly(entry("env", "test"));
  }

  @Test
  void knownKey_twoLayoutsOfOneSizeKeepATemplateEach() {
    Map<String, String> a = read(7);
    Map<String, String> c = read(8);

    assertThat(read(9)).isSameAs(a);
    assertThat(read(10)).isSameAs(c);
    assertThat(c).containsExactly(entry("c", "1"), entry("d", "2"));
  }

  @Test
  void knownValue_nilAndEmptyAreDifferentBytes() {
    assertThat(templates.start(1)).isTrue();
    templates.key("env", 1, 3);
    templates.value("", 0, -1);
    templates.finish();

    assertThat(templates.start(1)).isTrue();
    assertThat(templates.knownKey(BODY, 18, 3)).isEqualTo("env");
    assertThat(templates.knownValue(BODY, 23, 0)).isNull();
    assertThat(templates.knownValue(BODY, 23, -1)).isEmpty();
  }

  @Test
  void start_refusesMapsLargerThanTheInlineSize() {
    assertThat(templates.start(TagTemplates.MAX_ENTRIES)).isTrue();
    assertThat(templates.start(TagTemplates.MAX_ENTRIES + 1)).isFalse();
  }
}
