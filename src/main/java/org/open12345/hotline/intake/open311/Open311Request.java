package org.open12345.hotline.intake.open311;

import java.time.Instant;
import org.open12345.hotline.ticket.Ticket;

/**
 * A service request as GeoReport v2 shows it: the ticket, its latest status note (the last reply,
 * or the close/stop reason) and its expected resolution time; both may be null.
 */
public record Open311Request(Ticket ticket, String statusNotes, Instant expectedAt) {}
