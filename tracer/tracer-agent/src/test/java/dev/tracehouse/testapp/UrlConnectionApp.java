package dev.tracehouse.testapp;

import com.sun.net.httpserver.HttpServer;
import dev.tracehouse.tracer.Span;
import dev.tracehouse.tracer.Tracer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URL;

/**
 * The app {@code UrlConnectionIT} runs under the agent, with no tracing code besides one manual
 * parent span: {@link HttpURLConnection} calls to a {@code com.sun.net.httpserver} server in the
 * same JVM (not traced) that prints the propagation headers it receives ({@code received <path>
 * parent=<x-datadog-parent-id> traceparent=<traceparent>}). Each call reads its answer the way
 * applications do, several times: {@code getResponseCode}, {@code getInputStream}, {@code
 * getResponseCode} again.
 */
public final class UrlConnectionApp {

  private UrlConnectionApp() {}

  public static void main(String[] args) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          System.out.println(
              "received "
                  + path
                  + " parent="
                  + exchange.getRequestHeaders().getFirst("x-datadog-parent-id")
                  + " traceparent="
                  + exchange.getRequestHeaders().getFirst("traceparent"));
          exchange.getRequestBody().readAllBytes();
          int status = path.equals("/fail") ? 500 : path.equals("/missing") ? 404 : 200;
          exchange.sendResponseHeaders(status, 2);
          exchange.getResponseBody().write("ok".getBytes());
          exchange.close();
        });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    try (Span parent = Tracer.global().trace("client.calls")) {
      read(open(base + "/menu?token=secret"));
      HttpURLConnection post = open(base + "/orders");
      post.setRequestMethod("PUT");
      post.setDoOutput(true);
      try (OutputStream body = post.getOutputStream()) {
        body.write("ipa".getBytes());
      }
      read(post);
      read(open(base + "/fail"));
      read(open(base + "/missing"));
      read(open("http://127.0.0.1:" + closedPort() + "/down"));
    } finally {
      server.stop(0);
    }
  }

  private static HttpURLConnection open(String url) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
    connection.setConnectTimeout(5000);
    connection.setReadTimeout(5000);
    return connection;
  }

  /** Reads the answer as applications do, asking for the status more than once. */
  private static void read(HttpURLConnection connection) {
    try {
      int status = connection.getResponseCode();
      try (InputStream body = status < 400 ? connection.getInputStream() : null) {
        System.out.println("status " + connection.getResponseCode() + " for " + status);
      }
    } catch (IOException e) {
      System.out.println("failed " + e);
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
