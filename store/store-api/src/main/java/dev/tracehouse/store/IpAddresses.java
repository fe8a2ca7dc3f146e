package dev.tracehouse.store;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * IP addresses in one comparable text form: 32 lower-case hex digits of the 128-bit address, IPv4
 * as IPv4-mapped IPv6 ({@code ::ffff:a.b.c.d}). A CIDR block is then a range of such strings, so
 * {@code CIDR(...)} is a string comparison in SQL. Parsing is textual only (no name lookup).
 */
public final class IpAddresses {

  private static final HexFormat HEX = HexFormat.of();

  private IpAddresses() {}

  /**
   * An inclusive range of normalized addresses.
   *
   * @param low the first address of the block
   * @param high the last address of the block
   */
  public record Range(String low, String high) {
    public boolean contains(String normalized) {
      return normalized.compareTo(low) >= 0 && normalized.compareTo(high) <= 0;
    }
  }

  /** The normalized form of a literal IPv4 or IPv6 address; empty for anything else. */
  public static Optional<String> normalize(String text) {
    byte[] bytes = parse(text);
    return bytes == null ? Optional.empty() : Optional.of(HEX.formatHex(bytes));
  }

  /**
   * The addresses of a CIDR block ({@code 13.0.0.0/8}, {@code 2001:db8::/32}, or a single address);
   * empty when it is not one. Bits past the prefix may be set: {@code 13.4.5.6/8} is {@code
   * 13.0.0.0/8}.
   */
  public static Optional<Range> block(String cidr) {
    int slash = cidr.indexOf('/');
    String address = slash < 0 ? cidr : cidr.substring(0, slash);
    byte[] low = parse(address);
    if (low == null) {
      return Optional.empty();
    }
    int prefix = 128;
    if (slash >= 0) {
      String bits = cidr.substring(slash + 1);
      if (bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      int max = address.contains(":") ? 128 : 32;
      int given = Integer.parseInt(bits);
      if (given > max) {
        return Optional.empty();
      }
      prefix = given + 128 - max;
    }
    byte[] high = low.clone();
    for (int bit = prefix; bit < 128; bit++) {
      low[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
      high[bit / 8] |= (byte) (0x80 >> (bit % 8));
    }
    return Optional.of(new Range(HEX.formatHex(low), HEX.formatHex(high)));
  }

  private static byte[] parse(String text) {
    if (text.contains(":")) {
      return parseV6(text);
    }
    byte[] v4 = parseV4(text);
    if (v4 == null) {
      return null;
    }
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    System.arraycopy(v4, 0, mapped, 12, 4);
    return mapped;
  }

  private static byte[] parseV4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      int value = Integer.parseInt(p);
      if (value > 255) {
        return null;
      }
      bytes[i] = (byte) value;
    }
    return bytes;
  }

  private static byte[] parseV6(String text) {
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    String head = gap < 0 ? text : text.substring(0, gap);
    String tail = gap < 0 ? "" : text.substring(gap + 2);
    byte[] front = groups(head, gap < 0);
    byte[] back = gap < 0 ? new byte[0] : groups(tail, true);
    if (front == null || back == null) {
      return null;
    }
    int used = front.length + back.length;
    if (gap < 0 ? used != 16 : used > 14) {
      return null;
    }
    byte[] bytes = new byte[16];
    System.arraycopy(front, 0, bytes, 0, front.length);
    System.arraycopy(back, 0, bytes, 16 - back.length, back.length);
    return bytes;
  }

  /** Colon-separated hex groups, the last may be an IPv4 address when {@code v4Allowed}. */
  private static byte[] groups(String text, boolean v4Allowed) {
    if (text.isEmpty()) {
      return new byte[0];
    }
    String[] parts = text.split(":", -1);
    byte[] bytes = new byte[parts.length * 2 + 2];
    int n = 0;
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (i == parts.length - 1 && v4Allowed && p.contains(".")) {
        byte[] v4 = parseV4(p);
        if (v4 == null) {
          return null;
        }
        System.arraycopy(v4, 0, bytes, n, 4);
        n += 4;
        continue;
      }
      if (p.isEmpty() || p.length() > 4 || !p.chars().allMatch(IpAddresses::isHex)) {
        return null;
      }
      int value = Integer.parseInt(p, 16);
      bytes[n++] = (byte) (value >> 8);
      bytes[n++] = (byte) value;
    }
    return n > 16 ? null : Arrays.copyOf(bytes, n);
  }

  private static boolean isHex(int c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }
}
