package dev.tracehouse.bench.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client for the load generator: one keep-alive connection to a loopback port,
 * one request in flight, the request head written once per request and the body written straight
 * from the caller's array. The JDK's {@code HttpClient} cost the generator about 10 µs of CPU per
 * span sent (a selector thread, body copies in small buffers), CPU the server under test then does
 * not get on a shared machine; this costs well under 1 µs. Not thread-safe: one per sending thread.
 * Reads {@code Content-Length} and chunked responses and discards their bodies.
 */
final class LoopbackHttpClient implements AutoCloseable {
  private static final int TIMEOUT_MILLIS = 30_000;

  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  LoopbackHttpClient(int port) {
    this.port = port;
  }

  /**
   * Sends {@code PUT path} with {@code headers} (each {@code "Name: value"}) and {@code body};
   * returns the response status. After an {@link IOException} the next call reconnects.
   */
  int put(String path, String[] headers, byte[] body) throws IOException {
    StringBuilder head = new StringBuilder(256);
    head.append("PUT ").append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1:").append(port);
    for (String header : headers) {
      head.append("\r\n").append(header);
    }
    head.append("\r\nContent-Length: ").append(body.length).append("\r\n\r\n");
    try {
      connect();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return readResponse();
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  private void connect() throws IOException {
    if (socket != null) {
      return;
    }
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    s.setSoTimeout(TIMEOUT_MILLIS);
    s.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
    socket = s;
    in = new BufferedInputStream(s.getInputStream(), 8192);
    out = s.getOutputStream();
  }

  private int readResponse() throws IOException {
    String status = line();
    String[] parts = status.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP/1.x status line: '" + status + "'");
    }
    int code;
    try {
      code = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IOException("bad status code in '" + status + "'", e);
    }
    long length = -1;
    boolean chunked = false;
    boolean closeAfter = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "connection" -> closeAfter = value.equalsIgnoreCase("close");
        default -> {}
      }
    }
    if (chunked) {
      for (long size = chunkSize(); size > 0; size = chunkSize()) {
        skip(size);
        line();
      }
      while (!line().isEmpty()) {
        // trailers
      }
    } else if (length > 0) {
      skip(length);
    }
    if (closeAfter) {
      close();
    }
    return code;
  }

  private long chunkSize() throws IOException {
    String line = line();
    int semicolon = line.indexOf(';');
    return Long.parseLong((semicolon < 0 ? line : line.substring(0, semicolon)).trim(), 16);
  }

  private void skip(long count) throws IOException {
    for (long left = count; left > 0; ) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new IOException("connection closed inside a response body");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed inside a response head");
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing a loopback socket we are done with: nothing left to do
      }
      socket = null;
    }
  }
}
