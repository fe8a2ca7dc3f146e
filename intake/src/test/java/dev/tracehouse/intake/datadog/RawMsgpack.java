package dev.tracehouse.intake.datadog;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Writes msgpack byte by byte, so tests choose every wire width themselves. */
final class RawMsgpack {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  static RawMsgpack create() {
    return new RawMsgpack();
  }

  RawMsgpack bytes(int... values) {
    for (int value : values) {
      out.write(value);
    }
    return this;
  }

  RawMsgpack nil() {
    return bytes(0xc0);
  }

  RawMsgpack fixArray(int n) {
    return bytes(0x90 | n);
  }

  RawMsgpack array16(int n) {
    return bytes(0xdc).be(n, 2);
  }

  RawMsgpack array32(long n) {
    return bytes(0xdd).be(n, 4);
  }

  RawMsgpack fixMap(int n) {
    return bytes(0x80 | n);
  }

  RawMsgpack map16(int n) {
    return bytes(0xde).be(n, 2);
  }

  RawMsgpack map32(long n) {
    return bytes(0xdf).be(n, 4);
  }

  /** A fixstr. */
  RawMsgpack str(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return bytes(0xa0 | b.length).raw(b);
  }

  RawMsgpack str8(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return bytes(0xd9, b.length).raw(b);
  }

  RawMsgpack str16(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return bytes(0xda).be(b.length, 2).raw(b);
  }

  RawMsgpack str32(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return bytes(0xdb).be(b.length, 4).raw(b);
  }

  RawMsgpack bin8(byte[] b) {
    return bytes(0xc4, b.length).raw(b);
  }

  RawMsgpack posFixInt(int v) {
    return bytes(v & 0x7f);
  }

  RawMsgpack uint8(int v) {
    return bytes(0xcc, v);
  }

  RawMsgpack uint16(int v) {
    return bytes(0xcd).be(v, 2);
  }

  RawMsgpack uint32(long v) {
    return bytes(0xce).be(v, 4);
  }

  /** Unsigned 64-bit: {@code v}'s bits, so negative longs stand for values >= 2^63. */
  RawMsgpack uint64(long v) {
    return bytes(0xcf).be(v, 8);
  }

  RawMsgpack int8(int v) {
    return bytes(0xd0, v & 0xff);
  }

  RawMsgpack int64(long v) {
    return bytes(0xd3).be(v, 8);
  }

  RawMsgpack float32(float v) {
    return bytes(0xca).be(Float.floatToIntBits(v), 4);
  }

  RawMsgpack float64(double v) {
    return bytes(0xcb).be(Double.doubleToLongBits(v), 8);
  }

  RawMsgpack bool(boolean v) {
    return bytes(v ? 0xc3 : 0xc2);
  }

  RawMsgpack raw(byte[] b) {
    out.write(b, 0, b.length);
    return this;
  }

  byte[] toBytes() {
    return out.toByteArray();
  }

  ByteBuffer buffer() {
    return ByteBuffer.wrap(toBytes());
  }

  private RawMsgpack be(long value, int width) {
    for (int shift = (width - 1) * 8; shift >= 0; shift -= 8) {
      out.write((int) (value >>> shift) & 0xff);
    }
    return this;
  }
}
