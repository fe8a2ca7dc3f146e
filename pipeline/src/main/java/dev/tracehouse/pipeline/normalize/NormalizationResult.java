package dev.tracehouse.pipeline.normalize;

import dev.tracehouse.model.Span;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link Normalizer} kept, fixed and rejected for one batch of chunks.
 *
 * @param chunks the accepted chunks, normalised, in input order (rejected chunks are left out)
 * @param fixes how many times each fix was applied to accepted spans
 * @param rejections one entry per rejected chunk, in input order
 */
public record NormalizationResult(
    List<List<Span>> chunks, Map<FixReason, Long> fixes, List<Rejection> rejections) {

  public NormalizationResult {
    chunks = chunks.stream().map(List::copyOf).toList();
    fixes = fixes.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(fixes));
    rejections = List.copyOf(rejections);
  }

  /** Every accepted span, chunk after chunk. */
  public List<Span> spans() {
    List<Span> all = new ArrayList<>();
    chunks.forEach(all::addAll);
    return all;
  }

  /** The number of spans in rejected chunks. */
  public long droppedSpans() {
    return rejections.stream().mapToLong(Rejection::spans).sum();
  }

  /** How many chunks were rejected for {@code reason}. */
  public long droppedChunks(DropReason reason) {
    return rejections.stream().filter(r -> r.reason() == reason).count();
  }

  /** How many times {@code reason} was fixed. */
  public long fixed(FixReason reason) {
    return fixes.getOrDefault(reason, 0L);
  }
}
