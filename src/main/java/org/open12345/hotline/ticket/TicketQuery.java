package org.open12345.hotline.ticket;

import java.time.Instant;
import java.util.List;

/**
 * Filters of the ticket list; null means "any".
 *
 * @param scope the departments whose tickets the caller may see (a department user's sub-tree), or
 *     null for centre staff
 */
public record TicketQuery(
    TicketStatus status, String departmentId, Instant createdFrom, Instant createdTo, String phone, int page,
    int size, List<String> scope) {}
