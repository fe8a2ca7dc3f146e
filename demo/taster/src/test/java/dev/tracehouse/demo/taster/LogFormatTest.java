package dev.tracehouse.demo.taster;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The pattern of src/main/resources/logback.xml against the workshop's grok rule. */
class LogFormatTest {

  /** The workshop pipeline's match rule (log-pipelines.md section 4) as a Java regex. */
  private static final Pattern WORKSHOP_RULE =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},\\d{3} (\\w+) \\[\\w+\\] \\[\\w+.\\w+:\\d+]"
              + " \\[dd.trace_id=(\\d*) dd.span_id=(\\d*)\\] - (.*)\\R");

  @Test
  void configuredPattern_printsTheMdcIdsInTheWorkshopShape() {
    MDC.put("dd.trace_id", "5688176451479556031");
    MDC.put("dd.span_id", "1807216917331372113");
    try {
      Matcher line = WORKSHOP_RULE.matcher(logThroughConfiguredPattern("tasting {}", "ipa"));

      assertThat(line.matches()).as(line.toString()).isTrue();
      assertThat(line.group(1)).isEqualTo("INFO");
      assertThat(line.group(2)).isEqualTo("5688176451479556031");
      assertThat(line.group(3)).isEqualTo("1807216917331372113");
      assertThat(line.group(4)).isEqualTo("tasting ipa");
    } finally {
      MDC.clear();
    }
  }

  @Test
  void configuredPattern_leavesTheIdsEmptyOutsideSpans() {
    Matcher line = WORKSHOP_RULE.matcher(logThroughConfiguredPattern("started", null));

    assertThat(line.matches()).as(line.toString()).isTrue();
    assertThat(line.group(2)).isEmpty();
  }

  /** Logs one INFO line through a real logger and the configured console pattern. */
  private static String logThroughConfiguredPattern(String message, Object argument) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    ConsoleAppender<ILoggingEvent> console =
        (ConsoleAppender<ILoggingEvent>)
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDOUT");
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(((PatternLayoutEncoder) console.getEncoder()).getPattern());
    encoder.start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OutputStreamAppender<ILoggingEvent> capture = new OutputStreamAppender<>();
    capture.setContext(context);
    capture.setEncoder(encoder);
    capture.setOutputStream(out);
    capture.start();
    Logger logger = context.getLogger(LogFormatTest.class);
    logger.setAdditive(false);
    logger.addAppender(capture);
    try {
      logger.info(message, argument);
    } finally {
      logger.detachAppender(capture);
      capture.stop();
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
