package dev.tracehouse.e2e.clientapp;

import datadog.trace.api.Trace;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A tiny shop that real tracers instrument in the e2e tests; it runs in a forked JVM with {@code
 * -javaagent:dd-java-agent.jar} or the OpenTelemetry Java agent, never in the test JVM.
 *
 * <p>{@code placeOrder} ({@code @Trace} root) calls {@code reserveStock} ({@code @Trace} child),
 * which asks the app's own stock endpoint over {@code java.net.http.HttpClient}: a client span and,
 * on the Jetty side, a server span of the same trace. {@code refund} ({@code @Trace} root) calls
 * {@code chargeBack}, which throws: an error span. Jetty serves the endpoint because dd-java-agent
 * does not instrument {@code com.sun.net.httpserver}; both agents instrument Jetty 12.
 *
 * <p>Arguments: {@code demo} (one order, one refund) or {@code loop COUNT MILLIS} (COUNT orders
 * spread over MILLIS, no refund).
 */
public final class OrderApp {
  static final int MAX_COUNT = 10_000;
  static final long MAX_MILLIS = 60_000;

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final int port;

  private OrderApp(int port) {
    this.port = port;
  }

  public static void main(String[] args) throws Exception {
    Server jetty = stockServer();
    try {
      OrderApp app = new OrderApp(((ServerConnector) jetty.getConnectors()[0]).getLocalPort());
      if (args.length == 1 && args[0].equals("demo")) {
        app.placeOrder("espresso");
        app.refund();
      } else if (args.length == 3 && args[0].equals("loop")) {
        app.loop(bounded(args[1], MAX_COUNT), bounded(args[2], MAX_MILLIS));
      } else {
        throw new IllegalArgumentException("usage: OrderApp demo | loop COUNT MILLIS");
      }
    } finally {
      jetty.stop();
    }
    System.out.println("order app done");
  }

  private void loop(long count, long millis) throws IOException, InterruptedException {
    long pause = millis / Math.max(1, count);
    for (long i = 0; i < count; i++) {
      placeOrder("latte");
      Thread.sleep(pause);
    }
  }

  @Trace(operationName = "order.place", resourceName = "POST /orders")
  void placeOrder(String item) throws IOException, InterruptedException {
    reserveStock(item);
  }

  @Trace(operationName = "order.reserve", resourceName = "reserve stock")
  void reserveStock(String item) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stock/" + item))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("stock endpoint answered " + response.statusCode());
    }
  }

  @Trace(operationName = "order.refund", resourceName = "POST /refunds")
  void refund() {
    try {
      chargeBack();
    } catch (IllegalStateException expected) {
      System.out.println("refund failed as planned: " + expected.getMessage());
    }
  }

  @Trace(operationName = "order.charge_back", resourceName = "charge back")
  void chargeBack() {
    throw new IllegalStateException("card declined");
  }

  private static Server stockServer() throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain");
            Content.Sink.write(response, true, "in stock", callback);
            return true;
          }
        });
    server.start();
    return server;
  }

  private static long bounded(String value, long max) {
    long n = Long.parseLong(value);
    if (n < 1 || n > max) {
      throw new IllegalArgumentException("expected 1.." + max + ", got " + value);
    }
    return n;
  }
}
