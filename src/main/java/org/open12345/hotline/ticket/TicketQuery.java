package org.open12345.hotline.ticket;

import java.time.Instant;

/** Filters of the ticket list; null means "any". */
public record TicketQuery(
    TicketStatus status, String departmentId, Instant createdFrom, Instant createdTo, String phone, int page,
    int size) {}
