package org.open12345.hotline.ticket;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.privacy.ContactMask;

/** A ticket and its event log, oldest event first: what a detail answer shows. */
public record TicketDetail(Ticket ticket, List<TicketEvent> timeline) {
  public JsonObject toJson() {
    JsonArray events = new JsonArray();
    timeline.forEach(e -> events.add(e.toJson()));
    return ticket.toJson().put("timeline", events);
  }

  /** As {@code viewer} may see it: a confidential ticket's contacts masked for its department, events too. */
  public JsonObject toJson(Actor viewer) {
    if (!ticket.masksContactsFor(viewer)) {
      return toJson();
    }
    JsonArray events = new JsonArray(ContactMask.hide(toJson().getJsonArray("timeline").encode(),
        ticket.citizenPhone(), ticket.citizenName()));
    return ticket.toJson(viewer).put("timeline", events);
  }
}
