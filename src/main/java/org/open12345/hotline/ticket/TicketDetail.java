package org.open12345.hotline.ticket;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.privacy.ContactMask;

/** A ticket, its 并案 links and its event log, oldest event first: what a detail answer shows. */
public record TicketDetail(Ticket ticket, List<TicketEvent> timeline, MergeLinks links) {

  public TicketDetail(Ticket ticket, List<TicketEvent> timeline) {
    this(ticket, timeline, MergeLinks.NONE);
  }

  public JsonObject toJson() {
    return withLinks(ticket.toJson()).put("timeline", events());
  }

  /** As {@code viewer} may see it: a confidential ticket's contacts masked for its department, events too. */
  public JsonObject toJson(Actor viewer) {
    if (!ticket.masksContactsFor(viewer)) {
      return toJson();
    }
    JsonArray events = new JsonArray(ContactMask.hide(events().encode(), ticket.citizenPhone(), ticket.citizenName()));
    return withLinks(ticket.toJson(viewer)).put("timeline", events);
  }

  private JsonArray events() {
    JsonArray events = new JsonArray();
    timeline.forEach(e -> events.add(e.toJson()));
    return events;
  }

  private JsonObject withLinks(JsonObject j) {
    if (links.masterNumber() != null) {
      j.put("merged_into", links.masterNumber());
    }
    if (!links.mergedNumbers().isEmpty()) {
      j.put("merged_tickets", new JsonArray(links.mergedNumbers()));
    }
    return j;
  }
}
