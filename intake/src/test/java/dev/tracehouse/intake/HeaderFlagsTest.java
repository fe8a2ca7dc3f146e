package dev.tracehouse.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderFlagsTest {

  @Test
  void isTrue_acceptsAnyNonFalseLikeValue() {
    for (String value : new String[] {"true", "yes", "1", "TRUE", " t "}) {
      assertThat(HeaderFlags.isTrue(value)).as(value).isTrue();
    }
  }

  @Test
  void isTrue_rejectsMissingEmptyAndFalseLikeValues() {
    for (String value : new String[] {null, "", "  ", "0", "f", "F", "false", "FALSE", "False"}) {
      assertThat(HeaderFlags.isTrue(value)).as(String.valueOf(value)).isFalse();
    }
  }
}
