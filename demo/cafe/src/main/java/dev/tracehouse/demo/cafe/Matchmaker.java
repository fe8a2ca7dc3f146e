package dev.tracehouse.demo.cafe;

import dev.tracehouse.tracer.Span;
import dev.tracehouse.tracer.Tracer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the donut that pairs best with a beer. It asks the taster once per candidate, one after the
 * other: that slowness is deliberate, it is what the workshop's traces reveal.
 */
final class Matchmaker {

  private static final Logger LOG = LoggerFactory.getLogger(Matchmaker.class);

  private final DonutStats stats;
  private final TasterClient taster;

  Matchmaker(DonutStats stats, TasterClient taster) {
    this.stats = stats;
    this.taster = taster;
  }

  /**
   * The best-scoring candidate donut (the first one on a tie).
   *
   * @throws NoMatchException when the taster failed for every candidate
   */
  String bestMatch(Beer beer) {
    try (Span span = Tracer.global().trace("best_match")) {
      span.setTag("beer.name", beer.name());
      int sugar = stats.optimalSugarLevel(beer.hops());
      List<String> candidates = stats.donutsBySugarLevel(sugar);
      span.setTag("donut.sugar_level", sugar);
      span.setTag("donut.candidates", candidates.size());
      String best = null;
      int bestScore = Integer.MIN_VALUE;
      for (String candidate : candidates) {
        try {
          int score = taster.taste(beer.name(), candidate);
          if (score > bestScore) {
            best = candidate;
            bestScore = score;
          }
        } catch (TasterClient.TasteFailedException e) {
          LOG.warn("skipping {} for {}: {}", candidate, beer.name(), e.getMessage());
        }
      }
      if (best == null) {
        NoMatchException failure = new NoMatchException(beer.name(), candidates.size());
        span.setError(failure);
        throw failure;
      }
      span.setTag("donut.match", best);
      span.setTag("donut.score", bestScore);
      return best;
    }
  }

  /** The taster failed for every candidate donut. */
  static final class NoMatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoMatchException(String beer, int candidates) {
      super("taster failed for all " + candidates + " candidates for " + beer);
    }
  }
}
