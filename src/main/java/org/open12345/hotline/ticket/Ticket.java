package org.open12345.hotline.ticket;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.privacy.ContactMask;

/**
 * A ticket as stored.
 *
 * @param reopenCount how many times it was reopened (重办)
 * @param confidential the requester asked that the handling department not see their contacts (保密)
 */
public record Ticket(
    long id,
    String number,
    Channel channel,
    String citizenPhone,
    String citizenName,
    RequestType requestType,
    Urgency urgency,
    String categoryCode,
    String locationText,
    Double latitude,
    Double longitude,
    String areaCode,
    String description,
    String departmentId,
    TicketStatus status,
    String hotlineNumber,
    String callId,
    Instant createdAt,
    Instant updatedAt,
    int reopenCount,
    boolean confidential) {

  /** Columns in the order {@link #from(Row)} reads them. */
  public static final String COLUMNS =
      "id, number, channel, citizen_phone, citizen_name, request_type, urgency, category_code, location_text, "
          + "latitude, longitude, area_code, description, department_id, status, hotline_number, call_id, "
          + "created_at, updated_at, reopen_count, confidential";

  public static Ticket from(Row r) {
    return new Ticket(
        r.getLong("id"),
        r.getString("number"),
        Channel.valueOf(r.getString("channel")),
        r.getString("citizen_phone"),
        r.getString("citizen_name"),
        RequestType.valueOf(r.getString("request_type")),
        Urgency.valueOf(r.getString("urgency")),
        r.getString("category_code"),
        r.getString("location_text"),
        r.getDouble("latitude"),
        r.getDouble("longitude"),
        r.getString("area_code"),
        r.getString("description"),
        r.getString("department_id"),
        TicketStatus.valueOf(r.getString("status")),
        r.getString("hotline_number"),
        r.getString("call_id"),
        r.getOffsetDateTime("created_at").toInstant(),
        r.getOffsetDateTime("updated_at").toInstant(),
        r.getInteger("reopen_count"),
        r.getBoolean("confidential"));
  }

  /**
   * True when {@code viewer} must see this ticket's requester masked: a confidential ticket (保密)
   * read by a handling department. The centre sees contacts in clear (it calls the citizen back on
   * the department's behalf).
   */
  public boolean masksContactsFor(Actor viewer) {
    return confidential && viewer.role() == Role.DEPARTMENT;
  }

  /** As {@link #toJson()}, with the requester's phone and name masked where the viewer may not see them. */
  public JsonObject toJson(Actor viewer) {
    JsonObject j = toJson();
    if (masksContactsFor(viewer)) {
      // The citizen may have written their number or name into the text too.
      j.put("citizen_phone", ContactMask.phone(citizenPhone)).put("citizen_name", ContactMask.name(citizenName))
          .put("description", ContactMask.hide(description, citizenPhone, citizenName))
          .put("location", ContactMask.hide(locationText, citizenPhone, citizenName))
          .put("contacts_masked", true);
    }
    return j;
  }

  public JsonObject toJson() {
    JsonObject j = new JsonObject()
        .put("number", number)
        .put("channel", channel.name())
        .put("citizen_phone", citizenPhone)
        .put("citizen_name", citizenName)
        .put("request_type", requestType.name())
        .put("request_type_label", requestType.label())
        .put("urgency", urgency.name())
        .put("urgency_label", urgency.label())
        .put("category_code", categoryCode)
        .put("location", locationText)
        .put("area_code", areaCode)
        .put("description", description)
        .put("department_id", departmentId)
        .put("status", status.name())
        .put("status_label", status.label())
        .put("hotline_number", hotlineNumber)
        .put("call_id", callId)
        .put("created_at", createdAt.toString())
        .put("updated_at", updatedAt.toString())
        .put("reopen_count", reopenCount)
        .put("confidential", confidential);
    if (latitude != null) {
      j.put("latitude", latitude).put("longitude", longitude);
    }
    return j;
  }
}
