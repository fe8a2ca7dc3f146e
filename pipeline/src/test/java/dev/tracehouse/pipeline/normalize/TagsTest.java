package dev.tracehouse.pipeline.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Examples from the Datadog agent's documented normalisation tests (normalize_test.go). */
class TagsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "#test_starting_hash|test_starting_hash",
        "TestCAPSandSuch|testcapsandsuch",
        "Test Conversion Of Weird !@#$%^&**() Characters|test_conversion_of_weird_characters",
        "$#weird_starting|weird_starting",
        "allowed:c0l0ns|allowed:c0l0ns",
        "1love|love",
        "ünicöde:metäl|ünicöde:metäl",
        "Data🐨dog🐶 繋がっ⛰てて|data_dog_繋がっ_てて",
        "' spaces   '|spaces",
        "' #hashtag!@#spaces #__<>#  '|hashtag_spaces",
        ":testing|:testing",
        "_foo|foo",
        "contiguous_____underscores|contiguous_underscores",
        "foo_|foo",
        "AlsO:ök|also:ök",
        "12.:trim@|:trim",
        "fun:ky@@@tag/3|fun:ky_tag/3",
        "---fun:k####y_ta@#g/1_@@#|fun:k_y_ta_g/1",
      })
  void normalizeTag_followsAgentExamples(String in, String out) {
    assertThat(Tags.normalizeTag(in)).isEqualTo(out);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "good|good",
        "127.0.0.1|127.0.0.1",
        "127.site.platform-db-replica1|127.site.platform-db-replica1",
        "hyphenated-service-name|hyphenated-service-name",
        "🐨animal-db🐶|_animal-db",
        "🐨1animal-db🐶|_1animal-db",
        "1🐨1animal-db🐶|1_1animal-db",
        "bad$service|bad_service",
        "Cafe|cafe",
      })
  void normalizeTagValue_keepsDigitStart(String in, String out) {
    assertThat(Tags.normalizeTagValue(in)).isEqualTo(out);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "good|good",
        "bad-name|bad_name",
        "cafe.order|cafe.order",
        "Too-Long-.Too-Long-.|Too_Long.Too_Long.",
        "__init__.py|init.py",
        "é.x|x",
        "a..b__c|a..b_c",
      })
  void normalizeMetricName_followsAgentRules(String in, String out) {
    assertThat(Tags.normalizeMetricName(in)).isEqualTo(out);
  }

  @ParameterizedTest
  @CsvSource({"'...'", "'123'", "'🐶'"})
  void normalizeMetricName_withoutLetter_isInvalid(String in) {
    assertThat(Tags.normalizeMetricName(in)).isNull();
  }

  @org.junit.jupiter.api.Test
  void normalizeTag_stopsAt200Characters() {
    assertThat(Tags.normalizeTag("a".repeat(888))).isEqualTo("a".repeat(200));
  }
}
