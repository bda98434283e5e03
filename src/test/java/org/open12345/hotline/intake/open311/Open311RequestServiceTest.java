package org.open12345.hotline.intake.open311;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.ticket.TicketStatus;

class Open311RequestServiceTest {

  @Test
  void closedMeansATerminalStatusAndOpenEveryOther() {
    assertNull(Open311RequestService.statuses(null), "no status filter: both");
    List<TicketStatus> closed = Open311RequestService.statuses(Set.of("closed"));
    List<TicketStatus> open = Open311RequestService.statuses(Set.of("open"));
    assertTrue(closed.stream().allMatch(TicketStatus::terminal) && !closed.isEmpty());
    assertTrue(open.stream().noneMatch(TicketStatus::terminal) && !open.isEmpty());
    assertEquals(TicketStatus.values().length, closed.size() + open.size());
    assertEquals(TicketStatus.values().length, Open311RequestService.statuses(Set.of("open", "closed")).size());
    assertEquals(List.of(), Open311RequestService.statuses(Set.of()), "an empty status list matches nothing");
    Arrays.stream(TicketStatus.values()).forEach(s ->
        assertEquals(s.terminal() ? "closed" : "open", Open311RequestService.state(s)));
  }

  @Test
  void expectedTimesOfManyTicketsLeaveOutThoseWithout() throws Exception {
    Instant due = Instant.parse("2026-12-02T02:00:00Z");
    ExpectedTimes evenOnly = ExpectedTimes.eachOf(id -> Future.succeededFuture(id % 2 == 0
        ? Optional.of(due.plusSeconds(id)) : Optional.empty()));
    Map<Long, Instant> got = Await.result(evenOnly.expectedAt(List.of(1L, 2L, 3L, 4L)));
    assertEquals(Map.of(2L, due.plusSeconds(2), 4L, due.plusSeconds(4)), got);
    assertEquals(Optional.of(due.plusSeconds(2)), Await.result(evenOnly.expectedAt(2L)));
    assertEquals(Optional.empty(), Await.result(evenOnly.expectedAt(3L)));
    assertEquals(Map.of(), Await.result(ExpectedTimes.NONE.expectedAt(List.of(7L))));
  }
}
