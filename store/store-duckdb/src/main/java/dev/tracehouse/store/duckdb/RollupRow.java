package dev.tracehouse.store.duckdb;

import dev.tracehouse.model.StatsGroup;

/**
 * One row of {@code stats_rollups}: the merged entry share of stored stats groups over one period
 * (see {@code StatsReader.entries} for what a merged group holds).
 *
 * @param resolution period length, nanoseconds ({@link RollupLevel})
 * @param start period start, a multiple of {@code resolution}
 * @param byResource whether the group keeps its resource (else {@code ""}: the operation's total)
 * @param group the merged group (key: env, service, name, resource)
 * @param ingestNs the newest ingest time of the rows merged, which retention goes by
 */
record RollupRow(
    long resolution, long start, boolean byResource, StatsGroup group, long ingestNs) {}
