package dev.tracehouse.intake;

import dev.tracehouse.model.ClientStatsPayload;

/** Where the intake hands client-computed stats ({@code /v0.6/stats}). */
@FunctionalInterface
public interface ClientStatsSink {

  /**
   * @return {@code false} when overloaded: the payload is dropped and counted
   */
  boolean accept(ClientStatsPayload stats);
}
