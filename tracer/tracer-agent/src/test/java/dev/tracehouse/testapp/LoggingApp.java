package dev.tracehouse.testapp;

import dev.tracehouse.tracer.Span;
import dev.tracehouse.tracer.Trace;
import dev.tracehouse.tracer.Tracer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app {@code TraceAnnotationAndLogsIT} runs in a forked JVM (outside {@code
 * dev.tracehouse.tracer}, whose classes the agent never instruments): {@code @Trace} methods (a
 * nested call, a failing one, one with its own service) that log through SLF4J + Logback, log lines
 * outside any span, and one manual span; then it exits (the agent's shutdown hook flushes).
 */
public final class LoggingApp {

  private static final Logger LOG = LoggerFactory.getLogger(LoggingApp.class);

  private LoggingApp() {}

  public static void main(String[] args) {
    LOG.info("starting");
    handleOrder("ipa");
    try {
      brewFailing();
    } catch (IllegalStateException expected) {
      LOG.info("refunded");
    }
    new LoggingApp().taste();
    try (Span span = Tracer.global().trace("manual.marker")) {
      LOG.info("manual");
    }
    LOG.info("done");
  }

  @Trace(operationName = "cafe.order", resourceName = "POST /order")
  static void handleOrder(String drink) {
    LOG.info("order {}", drink);
    brew(drink);
    LOG.info("served {}", drink);
  }

  @Trace
  static void brew(String drink) {
    LOG.info("brewing {}", drink);
  }

  @Trace(operationName = "cafe.brew", resourceName = "brew failing")
  static void brewFailing() {
    throw new IllegalStateException("no espresso today");
  }

  @Trace(service = "taster")
  void taste() {
    LOG.info("tasting");
  }
}
