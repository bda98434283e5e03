package org.open12345.hotline.intake;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.Instant;

/**
 * An emergency (110/119/120/122) found in a citizen's SMS or call transcript, as stored.
 *
 * @param source {@code sms}, {@code call} or {@code web}
 * @param reference the call id, the inbound SMS's id, or the web complaint's ticket number
 */
public record EmergencyTransfer(long id, String number, String matchedWord, String source, String phone,
    String text, String reference, Instant createdAt) {

  static final String COLUMNS = "e.id, e.number, e.matched_word, e.source, e.phone, e.text_body, "
      + "coalesce(c.call_id, e.inbound_message_id::text, e.ticket_number) AS reference, e.created_at";

  static EmergencyTransfer from(Row r) {
    return new EmergencyTransfer(r.getLong("id"), r.getString("number"), r.getString("matched_word"),
        r.getString("source"), r.getString("phone"), r.getString("text_body"), r.getString("reference"),
        r.getOffsetDateTime("created_at").toInstant());
  }

  /** What the server did, in the words of the alert: nobody was transferred by the server. */
  public String handling() {
    return switch (source) {
      case "sms" -> "已短信提示市民立即拨打" + number + "，待值班人员回拨核实";
      case "web" -> "已在网上投诉提交页面提示市民立即拨打" + number + "，工单照常登记，待值班人员回拨核实";
      default -> "通话转写识别，系统未转接，待值班人员回拨核实";
    };
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("channel", source)
        .put("phone", phone)
        .put("matched_word", matchedWord)
        .put("number_advised", number)
        .put("handling", handling())
        .put("reference", reference)
        .put("text", text)
        .put("created_at", createdAt.toString());
  }
}
