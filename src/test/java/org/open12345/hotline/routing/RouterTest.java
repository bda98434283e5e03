package org.open12345.hotline.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.ticket.Channel;
import org.open12345.hotline.ticket.RequestType;
import org.open12345.hotline.ticket.Urgency;

/** Each condition type, against the shipped Hohhot rules. */
class RouterTest {
  private static final RuleSet RULES = ShippedRules.load();

  private static RoutingInput.Builder ticket() {
    return RoutingInput.builder()
        .type(RequestType.COMPLAINT)
        .urgency(Urgency.NORMAL)
        .channel(Channel.PHONE)
        .called("12345")
        .time(LocalTime.of(10, 0))
        .area("hhht.xincheng.dongjie")
        .description("反映情况");
  }

  private static RoutingDecision route(RoutingInput.Builder b) {
    RoutingDecision d = RULES.route(b.build());
    // explain must always agree with route: they are two code paths over one rule list
    assertEquals(d, RULES.explain(b.build()).decision());
    return d;
  }

  @Test
  void categoryPrefix() {
    RoutingDecision d = route(ticket().category("020102"));
    assertEquals("water-supply", d.ruleId());
    assertEquals("hhht.watersupply", d.leadDepartmentId());
    assertEquals("utilities", d.policy().id());
    assertEquals(RoutingDecision.Kind.DISPATCH, d.kind());
    assertEquals(RULES.version(), d.ruleSetVersion());
  }

  @Test
  void categoryExactAndUrgencyMinimum() {
    assertEquals("water-outage-urgent", route(ticket().category("020101").urgency(Urgency.URGENT)).ruleId());
    assertEquals("water-outage-urgent", route(ticket().category("020101").urgency(Urgency.CRITICAL)).ruleId());
    assertEquals("water-supply", route(ticket().category("020101").urgency(Urgency.NORMAL)).ruleId());
    assertEquals("water-supply", route(ticket().category("020101").urgency(null)).ruleId());
  }

  @Test
  void requestType() {
    assertEquals("hotline-12315", route(ticket().category("990000").called("12315").type(RequestType.REPORT)).ruleId());
    assertTrue(route(ticket().category("990000").called("12315").type(RequestType.CONSULT)).isManual());
  }

  @Test
  void keywordsAnyAndNone() {
    RoutingDecision leak = route(ticket().category("990000").description("楼道里有很重的煤气味"));
    assertEquals("gas-leak", leak.ruleId());
    assertEquals(Urgency.CRITICAL, leak.urgency(), "rule sets the urgency");
    assertEquals(List.of("hhht.housing"), leak.coDepartmentIds());
    // keywords_none: a car's leaking tyre is not a gas leak
    assertTrue(route(ticket().category("990000").description("汽车轮胎漏气了")).isManual());
    // keywords are case-insensitive
    assertEquals("gas-leak", route(ticket().category("990000").description("闻到燃气味 LPG")).ruleId());
  }

  @Test
  void keywordsAll() {
    RoutingDecision d = route(ticket().category("060101").description("在工地干了半年，老板拖欠工资不给"));
    assertEquals("wages-construction", d.ruleId());
    assertEquals(List.of("hhht.housing"), d.coDepartmentIds());
    assertEquals("complex", d.policy().id());
    assertEquals("wages", route(ticket().category("060101").description("公司拖欠工资三个月")).ruleId());
  }

  @Test
  void codeMissingFromTheTreeStillMatchesPrefixRules() {
    // a sub-code a centre added to tickets before the tree: prefix rules still see it
    assertEquals("heating", route(ticket().category("020399")).ruleId());
    assertEquals("gas-leak", route(ticket().category("020399").description("有煤气味")).ruleId());
    assertTrue(route(ticket().category("770000")).isManual());
  }

  @Test
  void channel() {
    RoutingInput.Builder suggestion = ticket().category("030100").type(RequestType.SUGGESTION);
    assertEquals("transport-suggestion-web", route(suggestion.channel(Channel.WEB)).ruleId());
    assertEquals("transport", route(suggestion.channel(Channel.PHONE)).ruleId());
  }

  @Test
  void calledHotlineNumber() {
    RoutingDecision d = route(ticket().category("990000").called("12333").type(RequestType.CONSULT));
    assertEquals("hotline-12333", d.ruleId());
    assertEquals("hhht.hrss", d.leadDepartmentId());
    assertTrue(route(ticket().category("990000").called("12345")).isManual());
  }

  @Test
  void timeWindowAcrossMidnight() {
    RoutingInput.Builder cold = ticket().category("020301");
    assertEquals("heating-cold-night", route(cold.time(LocalTime.of(23, 30))).ruleId());
    assertEquals("heating-cold-night", route(cold.time(LocalTime.of(5, 59))).ruleId());
    assertEquals("heating-cold-night", route(cold.time(LocalTime.of(22, 0))).ruleId());
    assertEquals("heating", route(cold.time(LocalTime.of(6, 0))).ruleId(), "end is excluded");
    assertEquals("heating", route(cold.time(LocalTime.of(14, 0))).ruleId());
    assertEquals(Urgency.URGENT, route(cold.time(LocalTime.of(1, 0))).urgency());
  }

  @Test
  void areaByIdOrCode() {
    assertEquals("urban-tmzq", route(ticket().category("070100").area("hhht.tmzq")).ruleId());
    assertEquals("urban-tmzq", route(ticket().category("070100").area("150121")).ruleId());
    assertEquals("urban", route(ticket().category("070100").area("hhht.xincheng")).ruleId());
    assertEquals("urban", route(ticket().category("070100").area(null)).ruleId());
  }

  @Test
  void townshipWithoutItsOwnRuleFallsBackToItsCounty() {
    // 察素齐镇 has its own rule; 毕克齐镇, in the same banner, has none and gets the banner's
    assertEquals("hhht.tmzq.chasuqi", route(ticket().category("070200").area("hhht.tmzq.chasuqi")).leadDepartmentId());
    RoutingDecision bikeqi = route(ticket().category("070200").area("hhht.tmzq.bikeqi"));
    assertEquals("urban-tmzq", bikeqi.ruleId());
    assertEquals("hhht.tmzq", bikeqi.leadDepartmentId());
    Explanation e = RULES.explain(ticket().category("070200").area("hhht.tmzq.bikeqi").build());
    assertTrue(e.note().contains("毕克齐镇") && e.note().contains("土默特左旗"), e.note());
    assertEquals(List.of("毕克齐镇", "土默特左旗", "呼和浩特市", "内蒙古自治区"), e.areaPath());
  }

  @Test
  void leadFromTheTicketsArea() {
    assertEquals("hhht.saihan.bayan", route(ticket().category("010101").area("hhht.saihan.bayan")).leadDepartmentId());
    // @county walks up from the street to its district
    RoutingDecision d = route(ticket().category("010300").area("hhht.xincheng.xijie"));
    assertEquals("illegal-building", d.ruleId());
    assertEquals("hhht.xincheng", d.leadDepartmentId());
    assertEquals("hhht.saihan.urban", route(ticket().category("010300").area("hhht.saihan.bayan")).leadDepartmentId());
    // without an area, @area cannot be resolved: the next rule takes the ticket
    assertEquals("housing", route(ticket().category("010101").area(null)).ruleId());
  }

  @Test
  void noMatchGoesToTheManualQueue() {
    RoutingDecision d = route(ticket().category("990000"));
    assertEquals(RoutingDecision.Kind.MANUAL, d.kind());
    assertEquals(RoutingDecision.MANUAL_RULE_ID, d.ruleId());
    assertNull(d.leadDepartmentId());
    assertEquals("ordinary", d.policy().id(), "manual tickets carry the default policy");
    assertEquals(RULES.version(), d.ruleSetVersion());
    RoutingDecision empty = RULES.route(RoutingInput.builder().build());
    assertNotNull(empty);
    assertTrue(empty.isManual());
    assertTrue(RULES.route(ticket().category("123456").build()).isManual(), "unknown code");
  }

  @Test
  void emergencyWordsMeanTransferNotDispatch() {
    RoutingDecision fire = route(ticket().category("010101").description("楼下饭店着火了，火很大"));
    assertEquals(RoutingDecision.Kind.EMERGENCY, fire.kind());
    assertEquals("119", fire.emergencyNumber());
    assertEquals("emergency:119", fire.ruleId());
    assertEquals("122", route(ticket().description("路口发生车祸有人受伤")).emergencyNumber());
    assertEquals("120", route(ticket().description("老人在小区门口昏迷")).emergencyNumber());
    assertEquals("110", route(ticket().description("有人持刀抢劫")).emergencyNumber());
    // 'unless' words keep ordinary matters out of the emergency path
    assertEquals(RoutingDecision.Kind.DISPATCH,
        route(ticket().category("070100").description("商铺占用消防通道，存在火灾隐患")).kind());
    assertFalse(RULES.emergencyFor("车祸理赔保险公司拖延").isPresent());
  }

  /** A sub-centre hotline's tickets go to its seats even when no rule names its number. */
  @Test
  void aSubCentreHotlineWithoutARuleStillGoesToItsSubCentre(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    ShippedRules.copyTo(dir);
    java.nio.file.Path rules = dir.resolve("rules.yaml");
    String text = java.nio.file.Files.readString(rules);
    int from = text.indexOf("  - id: hotline-12333");
    int to = text.indexOf("  - id: hotline-12328");
    java.nio.file.Files.writeString(rules, text.substring(0, from) + text.substring(to));
    RuleSet withoutRule = RuleSetLoader.load(dir).orThrow();
    RoutingDecision d = withoutRule.route(ticket().category("990000").called("12333").build());
    assertEquals(RoutingDecision.Kind.DISPATCH, d.kind());
    assertEquals("sub-centre:12333", d.ruleId());
    assertEquals("hhht.hrss", d.leadDepartmentId());
    assertEquals(d, withoutRule.explain(ticket().category("990000").called("12333").build()).decision());
    assertTrue(withoutRule.route(ticket().category("990000").called("12315").type(RequestType.CONSULT).build())
        .isManual(),
        "a parallel (双号并行) number has no seats of its own");
  }
}
