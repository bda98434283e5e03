package org.open12345.hotline.handling;

import java.util.EnumSet;
import java.util.Set;
import org.open12345.hotline.ticket.Urgency;

/**
 * How a department is told a ticket was dispatched to it, from what its entry in
 * {@code departments.yaml} offers: an urgent or critical ticket by every means it has (mail, its
 * group robots, SMS to its duty mobiles), an ordinary one by mail, or by the first other means it
 * has when it has no mailbox. Empty means nothing reaches it: the caller tells the supervisors.
 */
public final class DispatchNoticePlan {
  /** A way to reach a department. */
  public enum Means { MAIL, ROBOT, SMS }

  private DispatchNoticePlan() {}

  public static Set<Means> means(Urgency urgency, boolean hasMail, boolean hasRobot, boolean hasMobile) {
    Set<Means> available = EnumSet.noneOf(Means.class);
    if (hasMail) {
      available.add(Means.MAIL);
    }
    if (hasRobot) {
      available.add(Means.ROBOT);
    }
    if (hasMobile) {
      available.add(Means.SMS);
    }
    if (urgency != Urgency.NORMAL || available.isEmpty()) {
      return available;
    }
    // Ordinary: one means, the first that exists, in the order of the enum.
    return EnumSet.of(available.iterator().next());
  }
}
