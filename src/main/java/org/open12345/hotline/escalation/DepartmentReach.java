package org.open12345.hotline.escalation;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.open12345.hotline.escalation.DepartmentContacts.Contacts;
import org.open12345.hotline.notify.DepartmentRobots;
import org.open12345.hotline.notify.NewMessage;

/**
 * A department's short channels: its own group robots (the {@code department-robot} outbox
 * channel) and SMS to its duty mobiles. Staff messages: no quiet hours, no per-phone cap.
 */
public final class DepartmentReach {
  private DepartmentReach() {}

  /** @param dedupeKey the message's key; each address adds its own suffix */
  public static List<NewMessage> byRobotAndSms(Contacts c, String kind, String text, String dedupeKey,
      JsonObject metadata, Long ticketId) {
    List<NewMessage> out = new ArrayList<>(byRobot(c, kind, text, dedupeKey, metadata, ticketId));
    out.addAll(bySms(c, kind, text, dedupeKey, metadata, ticketId));
    return out;
  }

  public static List<NewMessage> bySms(Contacts c, String kind, String text, String dedupeKey, JsonObject metadata,
      Long ticketId) {
    List<NewMessage> out = new ArrayList<>();
    for (String mobile : c.mobiles()) {
      out.add(new NewMessage(kind, "sms", mobile, null, text, null, dedupeKey + ":sms:" + mobile, metadata, ticketId,
          false));
    }
    return out;
  }

  public static List<NewMessage> byRobot(Contacts c, String kind, String text, String dedupeKey,
      JsonObject metadata, Long ticketId) {
    List<NewMessage> out = new ArrayList<>();
    for (int n = 1; n <= c.robots(); n++) {
      String robot = DepartmentRobots.recipient(c.departmentId(), n);
      out.add(new NewMessage(kind, "department-robot", robot, null, text, null, dedupeKey + ":robot:" + robot,
          metadata, ticketId, false));
    }
    return out;
  }
}
