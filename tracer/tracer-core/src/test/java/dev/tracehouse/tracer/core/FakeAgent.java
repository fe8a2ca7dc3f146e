package dev.tracehouse.tracer.core;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A trace agent on a free local port that records each request; trace requests get the statuses
 * queued by {@link #answerOnce} first, then a fixed status, with a {@code rate_by_service} body,
 * {@code GET /info} the body set by {@link #info} (404 when none).
 */
final class FakeAgent implements AutoCloseable {

  /**
   * One request as received.
   *
   * @param clientPort the client's local port: equal for requests sent on one kept-alive connection
   */
  record Request(String method, String path, Headers headers, byte[] body, int clientPort) {}

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private final Queue<Integer> nextStatuses = new ConcurrentLinkedQueue<>();
  private volatile String info;

  FakeAgent() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  void answer(int newStatus) {
    status = newStatus;
  }

  /** Answers the next trace requests with these statuses, one each, before the fixed one. */
  void answerOnce(int... statuses) {
    for (int s : statuses) {
      nextStatuses.add(s);
    }
  }

  /** Serves {@code body} on {@code GET /info}. */
  void info(String body) {
    info = body;
  }

  List<Request> requests() {
    return requests;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      requests.add(
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              exchange.getRequestHeaders(),
              body,
              exchange.getRemoteAddress().getPort()));
      boolean isInfo = exchange.getRequestURI().getPath().equals("/info");
      String text = isInfo ? info : "{\"rate_by_service\":{\"service:,env:\":1}}";
      int code = isInfo ? (info == null ? 404 : 200) : traceStatus();
      byte[] answer = (text == null ? "404 page not found" : text).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(code, answer.length);
      exchange.getResponseBody().write(answer);
    }
  }

  private int traceStatus() {
    Integer next = nextStatuses.poll();
    return next == null ? status : next;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
