package dev.tracehouse.tracer.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The part of the msgpack format the v0.4 and v0.5 encoders need, written into a growing byte
 * array. Uses the smallest form for headers, strings and string-table indexes; ids go out as uint64
 * so that values above 2^63 survive.
 */
final class MsgPackOutput {

  static final int MAX_KEPT_BYTES = 1 << 20;
  private static final int INITIAL_BYTES = 1024;

  private byte[] bytes = new byte[INITIAL_BYTES];
  private int size;

  void arrayHeader(int length) {
    header(length, 0x90, 0xdc, 0xdd);
  }

  void mapHeader(int length) {
    header(length, 0x80, 0xde, 0xdf);
  }

  /** A string; ASCII text is copied char by char, anything else goes through UTF-8 encoding. */
  void string(String value) {
    int length = value.length();
    if (!isAscii(value, length)) {
      byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
      stringHeader(utf8.length);
      write(utf8);
      return;
    }
    stringHeader(length);
    ensure(length);
    for (int i = 0; i < length; i++) {
      bytes[size++] = (byte) value.charAt(i);
    }
  }

  /** Bytes prepared by {@link #encodedString}, such as a map key written for every span. */
  void raw(byte[] encoded) {
    write(encoded);
  }

  /** The complete msgpack form (header and UTF-8 bytes) of {@code value}. */
  static byte[] encodedString(String value) {
    MsgPackOutput out = new MsgPackOutput();
    out.string(value);
    return out.toByteArray();
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

  /** A non-negative int (a v0.5 string-table index) in its smallest unsigned form. */
  void uint32(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative index " + value);
    } else if (value < 0x80) {
      writeByte(value);
    } else if (value < 0x100) {
      writeByte(0xcc);
      writeByte(value);
    } else if (value < 0x10000) {
      writeByte(0xcd);
      writeShort(value);
    } else {
      writeByte(0xce);
      writeInt(value);
    }
  }

  void float64(double value) {
    writeByte(0xcb);
    writeLong(Double.doubleToLongBits(value));
  }

  /** Appends everything written to {@code other} so far. */
  void append(MsgPackOutput other) {
    ensure(other.size);
    System.arraycopy(other.bytes, 0, bytes, size, other.size);
    size += other.size;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  /** The number of bytes written since creation or the last {@link #reset()}. */
  int size() {
    return size;
  }

  /** Writes the bytes written so far to {@code out}, without copying them. */
  void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, size);
  }

  /**
   * Starts over. Keeps the buffer (the writer thread reuses one output for every request) unless it
   * grew beyond {@link #MAX_KEPT_BYTES}.
   */
  void reset() {
    size = 0;
    if (bytes.length > MAX_KEPT_BYTES) {
      bytes = new byte[INITIAL_BYTES];
    }
  }

  private static boolean isAscii(String value, int length) {
    for (int i = 0; i < length; i++) {
      if (value.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private void stringHeader(int length) {
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
