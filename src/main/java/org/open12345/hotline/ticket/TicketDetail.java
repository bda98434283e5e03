package org.open12345.hotline.ticket;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** A ticket and its event log, oldest event first: what a detail answer shows. */
public record TicketDetail(Ticket ticket, List<TicketEvent> timeline) {
  public JsonObject toJson() {
    JsonArray events = new JsonArray();
    timeline.forEach(e -> events.add(e.toJson()));
    return ticket.toJson().put("timeline", events);
  }
}
