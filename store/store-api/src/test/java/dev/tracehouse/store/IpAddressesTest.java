package dev.tracehouse.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "13.4.5.6, 00000000000000000000ffff0d040506",
    "0.0.0.0, 00000000000000000000ffff00000000",
    "::1, 00000000000000000000000000000001",
    "2001:db8::ff00:42:8329, 20010db8000000000000ff0000428329",
    "2001:DB8:0:0:0:0:0:1, 20010db8000000000000000000000001",
    "::ffff:13.4.5.6, 00000000000000000000ffff0d040506",
    "::, 00000000000000000000000000000000",
  })
  void normalize_givesThe128BitForm(String address, String hex) {
    assertThat(IpAddresses.normalize(address)).hasValue(hex);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "",
        "13.4.5",
        "13.4.5.256",
        "1.2.3.4.5",
        "a.b.c.d",
        "1::2::3",
        "12345::",
        "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7",
        "::g",
        "example.com",
        "13.4.5.6/8",
        " 13.4.5.6"
      })
  void normalize_refusesWhatIsNotAnAddress(String text) {
    assertThat(IpAddresses.normalize(text)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "13.0.0.0/8, 13.4.5.6, true",
    "13.0.0.0/8, 14.0.0.0, false",
    "13.4.5.6/8, 13.255.255.255, true",
    "13.4.5.6, 13.4.5.6, true",
    "13.4.5.6, 13.4.5.7, false",
    "0.0.0.0/0, 255.255.255.255, true",
    "0.0.0.0/0, ::1, false",
    "2001:db8::/32, 2001:db8:ffff::1, true",
    "2001:db8::/32, 2001:db9::1, false",
    "::ffff:0:0/96, 10.0.0.1, true",
  })
  void block_containsItsAddresses(String cidr, String address, boolean inside) {
    IpAddresses.Range range = IpAddresses.block(cidr).orElseThrow();

    assertThat(range.contains(IpAddresses.normalize(address).orElseThrow())).isEqualTo(inside);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"13.0.0.0/33", "::/129", "13.0.0.0/", "13.0.0.0/-1", "13.0.0.0/8/8", "x/8"})
  void block_refusesBadBlocks(String cidr) {
    assertThat(IpAddresses.block(cidr)).isEmpty();
  }
}
