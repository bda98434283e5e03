package org.open12345.hotline.ticket;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** A ticket, its 并案 links and its event log, oldest event first: what a detail answer shows. */
public record TicketDetail(Ticket ticket, List<TicketEvent> timeline, MergeLinks links) {

  public TicketDetail(Ticket ticket, List<TicketEvent> timeline) {
    this(ticket, timeline, MergeLinks.NONE);
  }

  public JsonObject toJson() {
    JsonArray events = new JsonArray();
    timeline.forEach(e -> events.add(e.toJson()));
    JsonObject j = ticket.toJson();
    if (links.masterNumber() != null) {
      j.put("merged_into", links.masterNumber());
    }
    if (!links.mergedNumbers().isEmpty()) {
      j.put("merged_tickets", new JsonArray(links.mergedNumbers()));
    }
    return j.put("timeline", events);
  }
}
