package org.open12345.hotline.stats;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** The monthly publication (三率排名): departments ranked, best first, computed at {@code generatedAt}. */
public record Publication(YearMonth month, boolean rollup, Instant generatedAt, List<PublicationEntry> entries) {}
