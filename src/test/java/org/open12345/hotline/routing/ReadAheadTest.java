package org.open12345.hotline.routing;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.ticket.Channel;
import org.open12345.hotline.ticket.RequestType;
import org.open12345.hotline.ticket.Urgency;

class ReadAheadTest {
  static final RuleSet RULES = ShippedRules.load();

  static RoutingInput input(String text, LocalTime time) {
    return RoutingInput.builder().type(RequestType.HELP).urgency(Urgency.NORMAL).description(text)
        .channel(Channel.SMS).called("12345").time(time).build();
  }

  @Test
  void aDecisionReadAheadIsUsedOnceForTheSameInputWithinTheMinute() {
    ReadAhead ahead = new ReadAhead();
    RoutingInput before = input("暖气不热", LocalTime.of(9, 30, 1));
    RoutingDecision d = RULES.route(before, TextModel.NONE, true);
    ahead.put(before, true, RULES, TextModel.NONE, d);
    assertTrue(ahead.take(input("暖气不热", LocalTime.of(9, 30, 59)), true, RULES, TextModel.NONE).isPresent());
    assertTrue(ahead.take(input("暖气不热", LocalTime.of(9, 30, 59)), true, RULES, TextModel.NONE).isEmpty(),
        "used once");
  }

  @Test
  void identicalDraftsReadAheadTwiceAreBothServed() {
    ReadAhead ahead = new ReadAhead();
    RoutingInput in = input("井盖丢了", LocalTime.of(10, 0));
    RoutingDecision d = RULES.route(in, TextModel.NONE, true);
    ahead.put(in, true, RULES, TextModel.NONE, d);
    ahead.put(in, true, RULES, TextModel.NONE, d);
    assertSame(d, ahead.take(in, true, RULES, TextModel.NONE).orElseThrow());
    assertSame(d, ahead.take(in, true, RULES, TextModel.NONE).orElseThrow());
    assertTrue(ahead.take(in, true, RULES, TextModel.NONE).isEmpty());
  }

  @Test
  void anotherMinuteAnotherRuleSetOrAnOperatorsTicketDecidesAgain() {
    ReadAhead ahead = new ReadAhead();
    RoutingInput in = input("暖气不热", LocalTime.of(9, 30, 59));
    RoutingDecision d = RULES.route(in, TextModel.NONE, true);
    ahead.put(in, true, RULES, TextModel.NONE, d);
    assertTrue(ahead.take(input("暖气不热", LocalTime.of(9, 31)), true, RULES, TextModel.NONE).isEmpty());
    assertTrue(ahead.take(in, false, RULES, TextModel.NONE).isEmpty());
    assertTrue(ahead.take(in, true, ShippedRules.load(), TextModel.NONE).isEmpty(), "a reloaded rule set");
  }
}
