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
    String text, String reference, Instant createdAt, Handled handled) {

  static final String COLUMNS = "e.id, e.number, e.matched_word, e.source, e.phone, e.text_body, "
      + "coalesce(c.call_id, e.inbound_message_id::text, e.ticket_number) AS reference, e.created_at, "
      + "e.handled_as, e.handled_by, e.handled_at, e.handled_note";

  /** How a person settled it: {@code TRANSFERRED} (已转接) or {@code HANDLED} (已处理), by whom, when. */
  public record Handled(String as, String by, Instant at, String note) {
    public static final java.util.Set<String> KINDS = java.util.Set.of("TRANSFERRED", "HANDLED");

    public String label() {
      return "TRANSFERRED".equals(as) ? "已转接" : "已处理";
    }
  }

  static EmergencyTransfer from(Row r) {
    String as = r.getString("handled_as");
    return new EmergencyTransfer(r.getLong("id"), r.getString("number"), r.getString("matched_word"),
        r.getString("source"), r.getString("phone"), r.getString("text_body"), r.getString("reference"),
        r.getOffsetDateTime("created_at").toInstant(), as == null ? null : new Handled(as, r.getString("handled_by"),
            r.getOffsetDateTime("handled_at").toInstant(), r.getString("handled_note")));
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
        .put("created_at", createdAt.toString())
        .put("handled", handled == null ? null : new JsonObject().put("as", handled.as())
            .put("label", handled.label()).put("by", handled.by()).put("at", handled.at().toString())
            .put("note", handled.note()));
  }
}
