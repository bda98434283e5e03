package org.open12345.hotline.stats;

import java.math.BigDecimal;

/**
 * One department in the monthly publication: its three rates (三率), its place by each, and its
 * place overall. Ranks are null when the department has no value to rank by.
 *
 * @param score the mean of the three rates, null unless all three have a value
 */
public record PublicationEntry(Integer rank, String departmentId, String departmentName, BigDecimal score,
    FigureValue response, Integer responseRank, FigureValue resolution, Integer resolutionRank,
    FigureValue satisfaction, Integer satisfactionRank) {}
