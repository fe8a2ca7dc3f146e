package dev.tracehouse.store.duckdb;

import dev.tracehouse.model.StatsGroup;
import dev.tracehouse.store.EntryStatsQuery.Detail;

/**
 * One row of {@code stats_rollups}: the merged entry share of stored stats groups over one period
 * (see {@code StatsReader.entries} for what a merged group holds).
 *
 * @param resolution period length, nanoseconds ({@link RollupLevel})
 * @param start period start, a multiple of {@code resolution}
 * @param detail which key parts the group keeps (the others are {@code ""})
 * @param group the merged group (key: env, service, name, resource)
 * @param ingestNs the newest ingest time of the rows merged, which retention goes by
 */
record RollupRow(long resolution, long start, Detail detail, StatsGroup group, long ingestNs) {}
