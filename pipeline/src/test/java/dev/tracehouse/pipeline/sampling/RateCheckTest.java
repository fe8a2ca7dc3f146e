package dev.tracehouse.pipeline.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RateCheckTest {
  private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

  @Test
  void keep_matchesTheKnuthFormulaInExactArithmetic() {
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 10_000; i++) {
      long id = random.nextLong();
      double rate = random.nextDouble();
      BigInteger product =
          new BigInteger(Long.toUnsignedString(id))
              .multiply(BigInteger.valueOf(1111111111111111111L))
              .mod(TWO_TO_64);
      BigInteger threshold =
          new BigDecimal(rate).multiply(new BigDecimal(TWO_TO_64)).toBigInteger();
      assertThat(RateCheck.keep(id, rate))
          .as("id %s rate %s", Long.toUnsignedString(id), rate)
          .isEqualTo(product.compareTo(threshold) < 0);
    }
  }

  @Test
  void keep_edgeRates() {
    assertThat(RateCheck.keep(12345, 1)).isTrue();
    assertThat(RateCheck.keep(12345, 2)).isTrue();
    assertThat(RateCheck.keep(0, 0)).isFalse();
    assertThat(RateCheck.keep(12345, -1)).isFalse();
    assertThat(RateCheck.keep(12345, Double.NaN)).isFalse();
  }

  @Test
  void keep_keepsAboutTheRate() {
    SplittableRandom random = new SplittableRandom(5);
    int kept = 0;
    for (int i = 0; i < 100_000; i++) {
      kept += RateCheck.keep(random.nextLong(), 0.7) ? 1 : 0;
    }
    assertThat(kept).isBetween(69_000, 71_000);
  }
}
