package org.open12345.hotline.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.ticket.Channel;
import org.open12345.hotline.ticket.RequestType;
import org.open12345.hotline.ticket.Urgency;

class ExplainTest {
  private static final RuleSet RULES = ShippedRules.load();

  @Test
  void namesTheMatchingRuleAndWhyEachEarlierOneMissed() {
    RoutingInput in = RoutingInput.builder()
        .category("020301").type(RequestType.COMPLAINT).urgency(Urgency.NORMAL).channel(Channel.PHONE)
        .called("12345").time(LocalTime.of(14, 0)).area("hhht.xincheng.dongjie").description("家里暖气不热，室温只有15度")
        .build();
    Explanation e = RULES.explain(in);
    assertEquals("heating", e.matched().orElseThrow().id());
    assertEquals(e.decision(), RULES.route(in));
    List<String> missed = e.misses().stream().map(RuleMiss::ruleId).toList();
    int heatingIndex = RULES.rules().indexOf(e.matched().get());
    assertEquals(RULES.rules().subList(0, heatingIndex).stream().map(Rule::id).toList(), missed,
        "one reason for every earlier rule, in order");
    assertEquals("描述中没有任一关键词 (description has none of [漏气, 煤气味, 煤气泄漏, 燃气味, 燃气泄漏])", reason(e, "gas-leak"));
    assertTrue(reason(e, "water-supply").startsWith("诉求分类不符 (category 020301 not in [0201*])"), reason(e, "water-supply"));
    assertTrue(reason(e, "heating-tuoketuo").startsWith("区域不符 (area 东街街道 not within [托克托县])"), reason(e, "heating-tuoketuo"));
    assertEquals("时段不符 (time 14:00 outside 22:00-06:00)", reason(e, "heating-cold-night"));
    assertTrue(e.misses().stream().allMatch(m -> m.line() > 0));
  }

  @Test
  void explainsTheManualQueue() {
    RoutingInput in = RoutingInput.builder().category("990000").type(RequestType.CONSULT).called("12315")
        .area("nowhere").build();
    Explanation e = RULES.explain(in);
    assertTrue(e.decision().isManual());
    assertTrue(e.matched().isEmpty());
    assertEquals(RULES.rules().size(), e.misses().size());
    assertTrue(e.note().contains("unknown area 'nowhere'"), e.note());
    assertEquals("诉求类型不符 (request type 咨询 not in [举报, 投诉])", reason(e, "hotline-12315"));
    assertEquals("呼入号码不符 (called number 12315 not in [12333])", reason(e, "hotline-12333"));
  }

  @Test
  void explainsAnAreaPlaceholderThatCannotResolve() {
    Explanation e = RULES.explain(RoutingInput.builder().category("010101").build());
    assertEquals("housing", e.matched().orElseThrow().id());
    assertTrue(reason(e, "property-service").contains("@area"), reason(e, "property-service"));
  }

  @Test
  void explainsAnEmergency() {
    Explanation e = RULES.explain(RoutingInput.builder().category("010101").description("隔壁起火了").build());
    assertEquals(RoutingDecision.Kind.EMERGENCY, e.decision().kind());
    assertTrue(e.note().contains("119"), e.note());
  }

  private static String reason(Explanation e, String ruleId) {
    return e.misses().stream().filter(m -> m.ruleId().equals(ruleId)).findFirst().orElseThrow().reason();
  }
}
