package dev.tracehouse.intake.datadog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datadoghq.sketch.ddsketch.DDSketch;
import dev.tracehouse.model.EncodedSketch;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DDSketchProtoReaderTest {

  @Test
  void read_sketchesJavaProto_keepsCountsAndQuantiles() {
    double[] values = new double[1000];
    for (int i = 0; i < values.length; i++) {
      values[i] = 1_000 + i * 997.0;
    }

    EncodedSketch encoded = DDSketchProtoReader.read(StatsPayloadWriter.protoSketch(values), 0);

    DDSketch sketch = DatadogStatsV06DecoderGoldenTest.decode(encoded);
    assertThat(sketch.getCount()).isEqualTo(1000);
    double median = values[499]; // rank q * (n - 1), rounded down, as DDSketch reads it
    assertThat(sketch.getValueAtQuantile(0.5)).isBetween(median * 0.99, median * 1.01);
  }

  @Test
  void read_emptyBytesOrNoValues_isEmpty() {
    assertThat(DDSketchProtoReader.read(new byte[0], 0)).isEqualTo(EncodedSketch.EMPTY);
    assertThat(DDSketchProtoReader.read(StatsPayloadWriter.protoSketch(), 0).isEmpty()).isTrue();
  }

  @Test
  void read_indexShift_movesBinsDownOneGamma() {
    byte[] proto = StatsPayloadWriter.protoSketch(10_000);

    double plain =
        DatadogStatsV06DecoderGoldenTest.decode(DDSketchProtoReader.read(proto, 0))
            .getValueAtQuantile(0.5);
    double shifted =
        DatadogStatsV06DecoderGoldenTest.decode(DDSketchProtoReader.read(proto, -1))
            .getValueAtQuantile(0.5);

    assertThat(plain / shifted).isBetween(1.019, 1.021);
  }

  @Test
  void read_rejectsOutOfRangeBinIndexAndNegativeCount() {
    // mapping {gamma 1.02}, positive store {binCounts {2^21: 1.0}}
    byte[] farIndex =
        HexFormat.of().parseHex("0a090952b81e85eb51f03f12100a0e088080800211000000000000f03f");
    // mapping {gamma 1.02}, zeroCount -1.0
    byte[] negativeZero = HexFormat.of().parseHex("0a090952b81e85eb51f03f21000000000000f0bf");

    assertThatThrownBy(() -> DDSketchProtoReader.read(farIndex, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bin index");
    assertThatThrownBy(() -> DDSketchProtoReader.read(negativeZero, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("count -1.0");
  }

  @Test
  void read_randomBytes_onlyIllegalArgumentException() {
    Random random = new Random(0xd5_ca7cL);
    byte[] valid = StatsPayloadWriter.protoSketch(1, 10, 100, 1_000, 10_000);
    for (int i = 0; i < 20_000; i++) {
      byte[] bytes = valid.clone();
      for (int m = 0; m < 1 + random.nextInt(3); m++) {
        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
      }
      try {
        DDSketchProtoReader.read(bytes, random.nextInt(2) - 1);
      } catch (IllegalArgumentException expected) {
        assertThat(expected.getMessage()).startsWith("protobuf DDSketch byte ");
      }
    }
  }
}
