package dev.tracehouse.tracer.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * Talks to the trace agent: {@code GET /info} and {@code PUT /v0.4/traces} or {@code /v0.5/traces}.
 * Uses {@link HttpURLConnection} (never instrumented by tracehouse) with connect and read timeouts.
 */
final class AgentClient {

  static final int TIMEOUT_MILLIS = 2000;
  static final String TRACER_VERSION = "0.1.0";
  private static final int MAX_RESPONSE_BYTES = 64 * 1024;

  private final URI base;

  AgentClient(String host, int port) {
    try {
      this.base = new URI("http", null, host, port, "/", null, null);
      base.toURL();
    } catch (Exception e) {
      throw new IllegalArgumentException("invalid agent address " + host + ":" + port, e);
    }
  }

  /** The agent's URL for {@code path}, such as {@code /v0.4/traces}. */
  URL url(String path) {
    try {
      return base.resolve(path).toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("invalid agent path " + path, e);
    }
  }

  /** The agent's answer: the HTTP status and the body (at most 64 KiB, as UTF-8 text). */
  record Response(int status, String body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /**
   * Whether the agent's port accepts a TCP connection now (within the connect timeout): a closed
   * port answers at once, without the HTTP client's work and the exception of a failed request.
   */
  boolean acceptsConnections() {
    try (Socket socket = new Socket(Proxy.NO_PROXY)) {
      socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), TIMEOUT_MILLIS);
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Asks the agent which endpoints and features it offers. */
  Response info() throws IOException {
    HttpURLConnection connection = open("/info");
    try {
      connection.setRequestMethod("GET");
      return answer(connection);
    } finally {
      connection.disconnect();
    }
  }

  /**
   * Sends the encoded chunks to {@code endpoint} and returns the agent's answer.
   *
   * @param droppedP0 priority &lt;= 0 chunks (and their spans) the writer dropped since the agent
   *     last accepted a payload, reported in {@code Datadog-Client-Dropped-P0-*} as dd-java-agent
   *     does, so that the agent's rate computation still sees them
   */
  Response send(TraceEndpoint endpoint, MsgPackOutput body, int traceCount, DroppedP0 droppedP0)
      throws IOException {
    HttpURLConnection connection = open(endpoint.path());
    try {
      connection.setRequestMethod("PUT");
      connection.setDoOutput(true);
      connection.setFixedLengthStreamingMode(body.size());
      connection.setRequestProperty("Content-Type", "application/msgpack");
      connection.setRequestProperty("X-Datadog-Trace-Count", Integer.toString(traceCount));
      connection.setRequestProperty("Datadog-Meta-Lang", "java");
      connection.setRequestProperty(
          "Datadog-Meta-Lang-Version", System.getProperty("java.version"));
      connection.setRequestProperty(
          "Datadog-Meta-Lang-Interpreter", System.getProperty("java.vm.name"));
      connection.setRequestProperty("Datadog-Meta-Tracer-Version", TRACER_VERSION);
      connection.setRequestProperty(
          "Datadog-Client-Dropped-P0-Traces", Long.toString(droppedP0.traces()));
      connection.setRequestProperty(
          "Datadog-Client-Dropped-P0-Spans", Long.toString(droppedP0.spans()));
      try (OutputStream out = connection.getOutputStream()) {
        body.writeTo(out);
      }
      return answer(connection);
    } finally {
      connection.disconnect();
    }
  }

  private HttpURLConnection open(String path) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) url(path).openConnection(Proxy.NO_PROXY);
    connection.setConnectTimeout(TIMEOUT_MILLIS);
    connection.setReadTimeout(TIMEOUT_MILLIS);
    return connection;
  }

  private static Response answer(HttpURLConnection connection) throws IOException {
    int status = connection.getResponseCode();
    InputStream response =
        status >= 400 ? connection.getErrorStream() : connection.getInputStream();
    if (response == null) {
      return new Response(status, "");
    }
    try (response) {
      return new Response(
          status, new String(response.readNBytes(MAX_RESPONSE_BYTES), StandardCharsets.UTF_8));
    }
  }
}
