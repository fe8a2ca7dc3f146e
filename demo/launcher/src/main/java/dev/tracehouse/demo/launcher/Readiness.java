package dev.tracehouse.demo.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Waits until a child answers HTTP, or fails with the child's log file named. */
final class Readiness {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

  private Readiness() {}

  static void awaitHttp(ChildProcess child, String url, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!child.isAlive()) {
        throw new IllegalStateException(
            child.name() + " exited during start-up; see " + child.log());
      }
      if (answers(url)) {
        return;
      }
      pause();
    }
    throw new IllegalStateException(
        child.name() + " did not answer " + url + " within " + timeout + "; see " + child.log());
  }

  static boolean answers(String url) {
    try {
      HttpRequest req =
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(1)).GET().build();
      return HTTP.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() < 500;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + url, e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
