package dev.tracehouse.tracer.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The part of the msgpack format the v0.4 encoder needs, written into a growing byte array. Uses
 * the smallest form for headers and strings; ids go out as uint64 so that values above 2^63
 * survive.
 */
final class MsgPackOutput {

  private byte[] bytes = new byte[1024];
  private int size;

  void arrayHeader(int length) {
    header(length, 0x90, 0xdc, 0xdd);
  }

  void mapHeader(int length) {
    header(length, 0x80, 0xde, 0xdf);
  }

  void string(String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    int length = utf8.length;
    if (length < 32) {
      writeByte(0xa0 | length);
    } else if (length < 0x100) {
      writeByte(0xd9);
      writeByte(length);
    } else if (length < 0x10000) {
      writeByte(0xda);
      writeShort(length);
    } else {
      writeByte(0xdb);
      writeInt(length);
    }
    write(utf8);
  }

  void nil() {
    writeByte(0xc0);
  }

  /** A 64-bit value read as unsigned by the receiver (ids, nanosecond times). */
  void uint64(long value) {
    writeByte(0xcf);
    writeLong(value);
  }

  /** A small signed integer such as the error flag. */
  void int32(int value) {
    if (value >= 0 && value < 128) {
      writeByte(value);
    } else {
      writeByte(0xd2);
      writeInt(value);
    }
  }

  void float64(double value) {
    writeByte(0xcb);
    writeLong(Double.doubleToLongBits(value));
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private void header(int length, int fixPrefix, int prefix16, int prefix32) {
    if (length < 16) {
      writeByte(fixPrefix | length);
    } else if (length < 0x10000) {
      writeByte(prefix16);
      writeShort(length);
    } else {
      writeByte(prefix32);
      writeInt(length);
    }
  }

  private void writeShort(int value) {
    writeByte(value >>> 8);
    writeByte(value);
  }

  private void writeInt(int value) {
    writeShort(value >>> 16);
    writeShort(value);
  }

  private void writeLong(long value) {
    writeInt((int) (value >>> 32));
    writeInt((int) value);
  }

  private void writeByte(int value) {
    ensure(1);
    bytes[size++] = (byte) value;
  }

  private void write(byte[] data) {
    ensure(data.length);
    System.arraycopy(data, 0, bytes, size, data.length);
    size += data.length;
  }

  private void ensure(int extra) {
    if (size + extra > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + extra));
    }
  }
}
