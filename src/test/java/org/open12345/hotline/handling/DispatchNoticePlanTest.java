package org.open12345.hotline.handling;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.handling.DispatchNoticePlan.Means.*;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.ticket.Urgency;

class DispatchNoticePlanTest {

  @Test
  void anUrgentTicketGoesOutByEveryMeansTheDepartmentHas() {
    assertEquals(Set.of(MAIL, ROBOT, SMS), DispatchNoticePlan.means(Urgency.URGENT, true, true, true));
    assertEquals(Set.of(MAIL, ROBOT, SMS), DispatchNoticePlan.means(Urgency.CRITICAL, true, true, true));
    assertEquals(Set.of(ROBOT, SMS), DispatchNoticePlan.means(Urgency.CRITICAL, false, true, true));
    assertEquals(Set.of(SMS), DispatchNoticePlan.means(Urgency.URGENT, false, false, true));
  }

  @Test
  void anOrdinaryTicketGoesByMailOrElseTheFirstOtherMeans() {
    assertEquals(Set.of(MAIL), DispatchNoticePlan.means(Urgency.NORMAL, true, true, true));
    assertEquals(Set.of(ROBOT), DispatchNoticePlan.means(Urgency.NORMAL, false, true, true));
    assertEquals(Set.of(SMS), DispatchNoticePlan.means(Urgency.NORMAL, false, false, true));
  }

  @Test
  void aDepartmentWithNoContactHasNoMeans() {
    for (Urgency u : Urgency.values()) {
      assertEquals(Set.of(), DispatchNoticePlan.means(u, false, false, false), u.name());
    }
  }
}
