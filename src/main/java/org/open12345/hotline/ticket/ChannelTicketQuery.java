package org.open12345.hotline.ticket;

import java.time.Instant;
import java.util.List;

/**
 * Tickets of one channel, for that channel's own public view (Open311 lists only its own
 * requests). Null filters match any; {@code createdTo} is inclusive.
 */
public record ChannelTicketQuery(Channel channel, List<String> numbers, Instant createdFrom, Instant createdTo,
    List<String> categoryCodes, List<TicketStatus> statuses, int limit) {}
