package dev.tracehouse.store.duckdb;

import static dev.tracehouse.store.TestSpans.MS;
import static dev.tracehouse.store.TestSpans.T0;
import static dev.tracehouse.store.TestSpans.cafePair;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import dev.tracehouse.store.StoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Run in a child JVM by {@link DuckDbCrashTest}: writes traces {@code (7, 1)}, {@code (7, 2)}, …
 * into the store file given as argument as fast as the store takes them, and after each {@code
 * flush()} prints {@code acked N}: every trace up to N was written before that flush began, so it
 * is committed. Runs until killed.
 */
public final class CrashWriter {
  private CrashWriter() {}

  public static void main(String[] args) throws Exception {
    DuckDbOptions options = new DuckDbOptions(Path.of(args[0]), Duration.ofMillis(200), 100_000);
    DuckDbSpanStore store = DuckDbSpanStore.open(options);
    AtomicLong written = new AtomicLong();
    Thread writer =
        new Thread(
            () -> {
              for (long n = 1; ; n += 100) {
                List<Span> batch = new ArrayList<>();
                for (long t = n; t < n + 100; t++) {
                  batch.addAll(cafePair(new TraceId(7, t), T0 + t * MS));
                }
                while (!offered(store, batch)) {
                  Thread.onSpinWait();
                }
                written.set(n + 99);
              }
            });
    writer.start();
    System.out.println("started");
    while (true) {
      long before = written.get();
      store.writer().flush();
      System.out.println("acked " + before);
      System.out.flush();
    }
  }

  private static boolean offered(DuckDbSpanStore store, List<Span> batch) {
    try {
      store.writer().write(batch);
      return true;
    } catch (StoreException e) {
      if (e.isOverCapacity()) {
        return false;
      }
      throw e;
    }
  }
}
