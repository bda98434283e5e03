package org.open12345.hotline.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.deadline.DeadlineKind;
import org.open12345.hotline.deadline.DeadlinePolicy;
import org.open12345.hotline.deadline.WarningPoint;
import org.open12345.hotline.ticket.RequestType;
import org.open12345.hotline.ticket.Urgency;

/** The policies the deadline feature gets from the rule files carry every warning point they name. */
class RoutingDirectoryTest {
  final RoutingDirectory directory = new RoutingDirectory(new RuleSetHolder(ShippedRules.load()));

  static List<String> points(DeadlinePolicy p, DeadlineKind kind) {
    return p.termFor(kind).warnings().stream().map(WarningPoint::toString).toList();
  }

  @Test
  void eachDeadlineKeepsItsOwnWarningPoints() {
    DeadlinePolicy utilities = directory.byName("utilities").orElseThrow();
    assertEquals(List.of("10m"), points(utilities, DeadlineKind.SIGN));
    assertEquals(List.of("30m"), points(utilities, DeadlineKind.RESPOND));
    assertEquals(List.of("4h"), points(utilities, DeadlineKind.RESOLVE));
    assertEquals("30m", utilities.spanFor(DeadlineKind.SIGN).toString());
  }

  @Test
  void listsAndFractionsAreNotDropped() {
    DeadlinePolicy critical = directory.defaultFor(Urgency.CRITICAL, RequestType.COMPLAINT);
    assertEquals("critical", critical.name());
    assertEquals(List.of("4h", "1h", "50%"), points(critical, DeadlineKind.RESOLVE));
    assertEquals(List.of("1d", "75%"), points(directory.byName("ordinary").orElseThrow(), DeadlineKind.RESOLVE));
    assertEquals(List.of("3wd", "1wd"), points(directory.byName("complex").orElseThrow(), DeadlineKind.RESOLVE));
    assertEquals(List.of(), points(directory.byName("complex").orElseThrow(), DeadlineKind.SIGN), "sign: 2h, no point");
    assertEquals("ordinary", directory.defaultFor(Urgency.NORMAL, RequestType.COMPLAINT).name());
  }

  @Test
  void theRulesViewShowsPolicyDeadlinesInItsEstablishedText() {
    PolicySpec critical = ShippedRules.load().policy("critical").orElseThrow();
    assertEquals("Deadline[within=24h, warnBefore=[4h, 1h], warnAt=[0.5]]", RoutingRoutes.legacyText(critical.resolve()));
    assertEquals("Deadline[within=30m, warnBefore=[10m], warnAt=[]]", RoutingRoutes.legacyText(critical.sign()));
  }
}
