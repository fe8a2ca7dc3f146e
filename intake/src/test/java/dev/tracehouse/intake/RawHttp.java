package dev.tracehouse.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Writes a chunked request byte by byte over a socket, for tests that must control framing. */
final class RawHttp {

  /** Status code and the whole raw response text. */
  record Response(int status, String text) {}

  private RawHttp() {}

  /** PUTs {@code body} to {@code path} as chunks of {@code chunkSize} bytes, then reads it all. */
  static Response putChunked(int port, String path, byte[] body, int chunkSize) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("PUT "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + "Content-Type: application/msgpack\r\nTransfer-Encoding: chunked\r\n"
                  + "Connection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      for (int at = 0; at < body.length; at += chunkSize) {
        int size = Math.min(chunkSize, body.length - at);
        out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body, at, size);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String text = readAll(socket.getInputStream());
      return new Response(Integer.parseInt(text.substring(9, 12)), text);
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    in.transferTo(buffer);
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
