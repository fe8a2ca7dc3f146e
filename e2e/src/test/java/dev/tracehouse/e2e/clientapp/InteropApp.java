package dev.tracehouse.e2e.clientapp;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A two-endpoint HTTP service that both tracers instrument with no code of their own: our agent
 * through {@code HttpServlet#service}, dd-java-agent through Jetty 12, and both through {@code
 * java.net.http.HttpClient}. It runs in a forked JVM until it is stopped.
 *
 * <ul>
 *   <li>{@code GET /echo} answers the request's headers, one {@code name: value} line each (name in
 *       lower case), so a test sees exactly what the caller's tracer injected.
 *   <li>{@code GET /call?to=<url>} GETs {@code url} (another app's {@code /echo}) and answers its
 *       body: a server span, a client span and, in the other app, a server span of one trace.
 * </ul>
 *
 * <p>Prints {@code interop app ready on port <port>} once it listens on 127.0.0.1.
 */
public final class InteropApp extends HttpServlet {
  /** The line a test waits for; the port follows it. */
  public static final String READY = "interop app ready on port ";

  private static final long serialVersionUID = 1L;

  private final transient HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  public static void main(String[] args) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new InteropApp(), "/*");
    server.setHandler(context);
    server.start();
    System.out.println(READY + connector.getLocalPort());
    server.join();
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    switch (request.getRequestURI()) {
      case "/echo" -> answer(response, 200, headers(request));
      case "/call" -> call(request.getParameter("to"), response);
      default -> answer(response, 404, "no such endpoint: " + request.getRequestURI() + "\n");
    }
  }

  private void call(String to, HttpServletResponse response) throws IOException {
    if (to == null || !to.startsWith("http://127.0.0.1:")) {
      answer(response, 400, "expected to=http://127.0.0.1:<port>/..., got " + to + "\n");
      return;
    }
    try {
      HttpResponse<String> downstream =
          client.send(
              HttpRequest.newBuilder(URI.create(to)).timeout(Duration.ofSeconds(10)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      answer(response, downstream.statusCode() == 200 ? 200 : 502, downstream.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answer(response, 503, "interrupted\n");
    }
  }

  private static String headers(HttpServletRequest request) {
    StringBuilder out = new StringBuilder();
    for (String name : Collections.list(request.getHeaderNames())) {
      out.append(name.toLowerCase(Locale.ROOT))
          .append(": ")
          .append(String.join(",", Collections.list(request.getHeaders(name))))
          .append('\n');
    }
    return out.toString();
  }

  private static void answer(HttpServletResponse response, int status, String body)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain;charset=utf-8");
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }
}
