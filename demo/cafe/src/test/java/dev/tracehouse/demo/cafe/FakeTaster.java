package dev.tracehouse.demo.cafe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for the taster on a free port. Each donut gets a scripted reply (a score, an HTTP
 * error, or an answer that never comes before the client's timeout); every request is recorded.
 */
final class FakeTaster implements AutoCloseable {

  /** What the fake answers for one donut. */
  sealed interface Reply permits Score, Status, Raw, Hang {}

  record Score(int score) implements Reply {}

  record Status(int status) implements Reply {}

  /** A 200 answer with this exact body. */
  record Raw(String body) implements Reply {}

  /** No answer until the fake is closed, i.e. longer than any client timeout in the tests. */
  record Hang() implements Reply {}

  /** One request as the fake received it. */
  record Call(String beer, String donut) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final CountDownLatch released = new CountDownLatch(1);
  private final Map<String, Reply> replies = new ConcurrentHashMap<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private volatile Reply defaultReply = new Score(5);

  FakeTaster() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/taste", this::taste);
    server.setExecutor(executor);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  void reply(String donut, Reply reply) {
    replies.put(donut, reply);
  }

  void replyToAll(Reply reply) {
    replies.clear();
    defaultReply = reply;
  }

  void reset() {
    replies.clear();
    calls.clear();
    defaultReply = new Score(5);
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  private void taste(HttpExchange exchange) throws IOException {
    Map<String, String> query = parseQuery(exchange.getRequestURI().getRawQuery());
    String donut = query.getOrDefault("donut", "");
    calls.add(new Call(query.getOrDefault("beer", ""), donut));
    Reply reply = replies.getOrDefault(donut, defaultReply);
    if (reply instanceof Hang) {
      awaitRelease();
      reply = new Status(503);
    }
    int status = reply instanceof Status s ? s.status() : 200;
    String body;
    if (reply instanceof Score s) {
      body = "{\"score\":" + s.score() + "}";
    } else if (reply instanceof Raw r) {
      body = r.body();
    } else {
      body = "{\"error\":\"scripted failure\"}";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private void awaitRelease() {
    try {
      released.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Map<String, String> parseQuery(String rawQuery) {
    Map<String, String> result = new ConcurrentHashMap<>();
    if (rawQuery == null) {
      return result;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        result.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return result;
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
