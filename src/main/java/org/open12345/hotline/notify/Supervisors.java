package org.open12345.hotline.notify;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The centre's supervisors (督查) as the outbox reaches them: their group robot, when its channel
 * and name are configured, and their mailboxes. Built once at start from
 * {@code escalation.robot_channel}, {@code escalation.robot_name} and
 * {@code escalation.supervisors_mail}: an address nobody configured is left out here (with a
 * warning at start) instead of becoming a dead letter at every alert.
 *
 * @param robotChannel null when there is no usable robot
 */
public record Supervisors(String robotChannel, String robotName, List<String> mail) {

  public Supervisors {
    mail = List.copyOf(mail);
  }

  public static final Supervisors NONE = new Supervisors(null, null, List.of());

  /** Whether any alert to them can go anywhere. */
  public boolean reachable() {
    return robotChannel != null || !mail.isEmpty();
  }

  /** One text for the robot, plus a mail per mailbox (the same text as the mail body). */
  public List<NewMessage> alert(String kind, String subject, String text, String dedupeKey, JsonObject metadata,
      Long ticketId) {
    List<NewMessage> out = new ArrayList<>();
    if (robotChannel != null) {
      out.add(new NewMessage(kind, robotChannel, robotName, null, text, null, dedupeKey + ":robot", metadata,
          ticketId, false));
    }
    for (String to : mail) {
      out.add(new NewMessage(kind, "mail", to, subject, text, null, dedupeKey + ":mail:" + to, metadata, ticketId,
          false));
    }
    return out;
  }

  /** A robot message only (e.g. a 督办 alert whose mail goes to the department's audience). */
  public List<NewMessage> robotOnly(String kind, String text, String dedupeKey, JsonObject metadata, Long ticketId) {
    return robotChannel == null ? List.of()
        : List.of(new NewMessage(kind, robotChannel, robotName, null, text, null, dedupeKey, metadata, ticketId,
            false));
  }

  /**
   * Keeps only what the senders can reach, and says what was left out.
   *
   * @param warnings where the reasons go (one line each, for the start log and {@code /ready})
   */
  public static Supervisors usable(String robotChannel, String robotName, List<String> mail, MessageSenders senders,
      List<String> warnings) {
    String robot = null;
    if (robotChannel != null && !robotChannel.isBlank()) {
      if (senders.canAddress(robotChannel, robotName)) {
        robot = robotChannel;
      } else {
        warnings.add("escalation.robot_channel is '" + robotChannel + "' but messaging." + robotChannel
            + " has no robot or endpoint named '" + robotName + "' (escalation.robot_name): the supervisors' robot"
            + " alerts (督办, 通报, emergency transfers) are skipped until it is configured");
      }
    }
    // Mailboxes stay even without a mail channel: mail waits in the outbox and is resent once
    // messaging.mail is set, and every other mail of the server would wait with it.
    if (!mail.isEmpty() && !senders.canAddress("mail", mail.get(0))) {
      warnings.add("escalation.supervisors_mail is set but messaging.mail is not configured: mails wait in"
          + " the outbox as failed until it is");
    }
    if (robot == null && mail.isEmpty()) {
      warnings.add("the centre's supervisors have no channel: emergency alerts and notices about departments"
          + " without contacts reach nobody; set escalation.supervisors_mail and/or a robot"
          + " (escalation.robot_channel + messaging.<channel>.robots." + robotName + ")");
    }
    return new Supervisors(robot, robot == null ? null : robotName, mail);
  }
}
