package dev.tracehouse.store;

import static dev.tracehouse.store.TestSpans.MS;
import static dev.tracehouse.store.TestSpans.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracehouse.model.LogEvent;
import dev.tracehouse.model.TraceId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every {@link LogStore} does: write, read back every field, windows, orders and cursor pages.
 * A store with the {@code LOGS} capability has a test extending this class.
 */
public abstract class LogStoreContract extends StoreContract {

  private static final EventFilter<LogEvent> ALL = EventFilter.all();

  private LogStore logs() {
    return store.logs().orElseThrow();
  }

  private void write(LogEvent... logs) {
    logs().writer().write(List.of(logs));
  }

  private LogPage search(LogSearch search) {
    return logs().reader().search(search);
  }

  private static LogEvent log(long timestamp, String message) {
    return LogEvent.builder().timestamp(timestamp).service("cafe").message(message).build();
  }

  @Nested
  class WriteRead {
    @Test
    void capabilityMatchesLogs() {
      assertThat(store.capabilities().has(Capabilities.Capability.LOGS)).isTrue();
      assertThat(store.logs()).isPresent();
    }

    @Test
    void search_returnsEveryFieldAsWritten() {
      LogEvent full =
          LogEvent.builder()
              .timestamp(T0)
              .service("web-store")
              .status("error")
              .host("web-1")
              .source("java")
              .message("quote \" backslash \\ newline \n café ☕")
              .addTag("env:prod")
              .addTag("raw_tag")
              .addTag("env:prod")
              .putAttribute("http", Map.of("status_code", 401L, "url", "https://x/?a=b"))
              .putAttribute("users", Map.of("names", List.of("Peter", "Ann")))
              .putAttribute("ratio", 0.25)
              .putAttribute("ok", true)
              .putAttribute("nested", List.of(List.of(1L, "two"), Map.of()))
              .putAttribute("nothing", null)
              .traceId(new TraceId(-2, -3))
              .spanId(-4)
              .build();
      LogEvent bare = LogEvent.builder().timestamp(T0 - 1).build();
      write(full, bare);

      assertThat(search(LogSearch.of(ALL, 0, Long.MAX_VALUE)).logs()).containsExactly(full, bare);
    }

    @Test
    void write_emptyListIsAccepted() {
      logs().writer().write(List.of());

      assertThat(search(LogSearch.of(ALL, 0, Long.MAX_VALUE)).logs()).isEmpty();
    }

    @Test
    void write_nullLogIsRejectedNamingIt() {
      List<LogEvent> logs = new ArrayList<>(List.of(log(T0, "a")));
      logs.add(null);

      assertThatThrownBy(() -> logs().writer().write(logs))
          .isInstanceOf(NullPointerException.class)
          .hasMessageContaining("logs[1]");
    }

    @Test
    void write_afterCloseThrowsStoreException() {
      LogStore logs = logs();
      store.close();

      assertThatThrownBy(() -> logs.writer().write(List.of(log(T0, "a"))))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("closed");
    }
  }

  @Nested
  class Search {
    @Test
    void search_windowIncludesFromAndExcludesTo() {
      write(log(T0 - 1, "before"), log(T0, "first"), log(T0 + MS - 1, "last"), log(T0 + MS, "x"));

      assertThat(search(LogSearch.of(ALL, T0, T0 + MS)).logs())
          .extracting(LogEvent::message)
          .containsExactly("last", "first");
    }

    @Test
    void search_appliesTheFilterWithBoundValues() {
      write(
          log(T0, "a"), LogEvent.builder().timestamp(T0).service("pay").addTag("Env:Prod").build());

      assertThat(search(LogSearch.of(TestFilter.logService("pay"), 0, Long.MAX_VALUE)).logs())
          .hasSize(1);
      assertThat(search(LogSearch.of(TestFilter.logTag("env:prod"), 0, Long.MAX_VALUE)).logs())
          .hasSize(1);
      assertThat(
              search(LogSearch.of(TestFilter.logService("x' OR TRUE; --"), 0, Long.MAX_VALUE))
                  .logs())
          .isEmpty();
    }

    @Test
    void search_equalTimestampsComeInWriteOrder() {
      write(log(T0, "1"), log(T0, "2"));
      write(log(T0, "3"));

      assertThat(search(LogSearch.of(ALL, 0, Long.MAX_VALUE)).logs())
          .extracting(LogEvent::message)
          .containsExactly("3", "2", "1");
      assertThat(
              search(LogSearch.of(ALL, 0, Long.MAX_VALUE).withSort(LogSort.TIMESTAMP_ASC)).logs())
          .extracting(LogEvent::message)
          .containsExactly("1", "2", "3");
    }

    @ParameterizedTest
    @EnumSource(LogSort.class)
    void search_pagesCoverEveryLogOnceInOrder(LogSort sort) {
      Random random = new Random(17);
      List<LogEvent> written = new ArrayList<>();
      for (int i = 0; i < 95; i++) {
        written.add(log(T0 + random.nextInt(12) * MS, "m" + i));
      }
      logs().writer().write(written.subList(0, 50));
      logs().writer().write(written.subList(50, 95));
      LogSearch search = LogSearch.of(ALL, 0, Long.MAX_VALUE).withSort(sort).withLimit(10);
      List<String> seen = new ArrayList<>();
      Optional<LogCursor> next = Optional.empty();
      do {
        LogPage page = search(next.map(search::after).orElse(search));
        page.logs().forEach(l -> seen.add(l.message()));
        next = page.next().map(c -> LogCursor.decode(c.encode(), sort));
      } while (next.isPresent());

      List<LogEvent> expected = new ArrayList<>(written);
      expected.sort(Comparator.comparingLong(LogEvent::timestamp)); // stable: write order kept
      if (sort.descending()) {
        Collections.reverse(expected);
      }
      assertThat(seen).containsExactlyElementsOf(expected.stream().map(LogEvent::message).toList());
    }
  }
}
