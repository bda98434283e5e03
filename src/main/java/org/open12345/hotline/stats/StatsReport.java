package org.open12345.hotline.stats;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The answer to a {@link StatsQuery}: its rows, and the totals per period over the same tickets
 * (each ticket once, whatever the roll-up), computed at {@code generatedAt}.
 */
public record StatsReport(StatsQuery query, ZoneId zone, Instant generatedAt, List<StatsRow> rows,
    List<StatsRow> totals) {}
