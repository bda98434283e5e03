package org.open12345.hotline.routing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.open12345.hotline.deadline.DeadlineTerm;
import org.open12345.hotline.deadline.WarningPoint;
import org.open12345.hotline.ticket.Channel;
import org.open12345.hotline.ticket.RequestType;
import org.open12345.hotline.ticket.Urgency;
import org.open12345.hotline.web.ApiException;
import org.open12345.hotline.web.JsonBody;
import org.open12345.hotline.web.JsonFields;

/** Read-only views of routing: explain a draft, the rules in force, the department tree. */
public final class RoutingRoutes {
  private static final Set<String> DRAFT_FIELDS = Set.of("channel", "request_type", "urgency", "category_code",
      "area_code", "description", "hotline_number", "time", "citizen_phone", "citizen_name", "location", "latitude",
      "longitude", "call_id");
  private final RuleSetHolder rules;
  private final TextModelHolder model;
  private final ZoneId zone;
  private final java.time.Clock clock;

  public RoutingRoutes(RuleSetHolder rules, TextModelHolder model, ZoneId zone, java.time.Clock clock) {
    this.rules = rules;
    this.model = model;
    this.zone = zone;
    this.clock = clock;
  }

  public void mount(Router api) {
    api.post("/routing/explain").handler(this::explain);
    api.get("/routing/rules").handler(this::rules);
    api.get("/departments").handler(this::departments);
  }

  private void explain(RoutingContext ctx) {
    JsonFields f = new JsonFields(JsonBody.of(ctx)).onlyKnown(DRAFT_FIELDS);
    LocalTime time;
    String t = f.optionalText("time", 5);
    try {
      time = t == null ? clock.instant().atZone(zone).toLocalTime() : LocalTime.parse(t);
    } catch (DateTimeParseException e) {
      throw ApiException.badField("time", "must be HH:MM");
    }
    RoutingInput in = RoutingInput.builder()
        .channel(f.optionalEnum("channel", Channel.values(), Channel::parse))
        .type(f.optionalEnum("request_type", RequestType.values(), RequestType::parse))
        .urgency(f.optionalEnum("urgency", Urgency.values(), Urgency::parse))
        .category(f.optionalText("category_code", 6))
        .area(f.optionalText("area_code", 64))
        .description(f.optionalText("description", 4000))
        .called(f.optionalText("hotline_number", 32))
        .time(time)
        .build();
    RuleSet set = rules.current();
    // a draft said to come from a phone call is an operator's: they choose the category themselves
    Explanation e = set.explain(in, model.current(), in.channel() != Channel.PHONE);
    JsonArray misses = new JsonArray();
    e.misses().forEach(m -> misses.add(new JsonObject().put("rule_id", m.ruleId()).put("rule_name", m.ruleName())
        .put("line", m.line()).put("reason", m.reason())));
    JsonBody.reply(ctx, 200, new JsonObject()
        .put("ruleset_version", set.version())
        .put("decision", decision(e.decision()))
        .put("matched_rule", e.matched().map(RoutingRoutes::rule).orElse(null))
        .put("misses", misses)
        .put("note", e.note())
        .put("area_path", new JsonArray(e.areaPath()))
        .put("text_reading", reading(e.decision().reading())));
  }

  /** A free-text reading as the explain answer and the ticket's ROUTE event show it. */
  static JsonObject reading(TextReading r) {
    if (r == null) {
      return null;
    }
    JsonArray suggestions = StoredSuggestions.toJson(r.suggestions());
    return new JsonObject().put("confident", r.confident()).put("applied", r.applied()).put("threshold", r.threshold())
        .put("model_version", r.modelVersion()).put("suggestions", suggestions);
  }

  private void rules(RoutingContext ctx) {
    RuleSet set = rules.current();
    JsonArray list = new JsonArray();
    set.rules().forEach(r -> list.add(rule(r)));
    JsonArray policies = new JsonArray();
    set.policies().values().forEach(p -> policies.add(new JsonObject().put("id", p.id()).put("name", p.name())
        .put("sign", legacyText(p.sign())).put("respond", legacyText(p.respond()))
        .put("resolve", legacyText(p.resolve()))));
    JsonBody.reply(ctx, 200, new JsonObject().put("version", set.version()).put("rules", list)
        .put("policies", policies).put("default_policy", set.defaultPolicy().id())
        .put("last_refused_change", rules.lastRefusal() == null ? null : new JsonArray(rules.lastRefusal())));
  }

  /**
   * A policy's deadline in the text this answer has always given (the printed form of the record
   * the files used to be read into), so clients reading it keep working:
   * {@code Deadline[within=24h, warnBefore=[4h, 1h], warnAt=[0.5]]}.
   */
  static String legacyText(DeadlineTerm t) {
    if (t == null) {
      return "null";
    }
    List<String> before = t.warnings().stream().filter(w -> !w.isFraction()).map(w -> w.before().toString()).toList();
    List<Double> at = t.warnings().stream().filter(WarningPoint::isFraction).map(WarningPoint::fraction).toList();
    return "Deadline[within=" + t.within() + ", warnBefore=" + before + ", warnAt=" + at + "]";
  }

  private void departments(RoutingContext ctx) {
    DepartmentTree tree = rules.current().departments();
    JsonArray roots = new JsonArray();
    tree.roots().forEach(d -> roots.add(node(tree, d)));
    JsonBody.reply(ctx, 200, new JsonObject().put("version", rules.current().version()).put("departments", roots));
  }

  private static JsonObject node(DepartmentTree tree, Department d) {
    JsonArray children = new JsonArray();
    tree.children(d.id()).forEach(c -> children.add(node(tree, c)));
    return new JsonObject().put("id", d.id()).put("name", d.name()).put("kind", d.kind().name())
        .put("area_code", d.areaCode()).put("mail", new JsonArray(d.mail())).put("sub_centre", d.subCentre())
        .put("children", children);
  }

  static JsonObject decision(RoutingDecision d) {
    return new JsonObject().put("kind", d.kind().name()).put("rule_id", d.ruleId()).put("rule_name", d.ruleName())
        .put("lead_department_id", d.leadDepartmentId()).put("co_department_ids", new JsonArray(d.coDepartmentIds()))
        .put("policy", d.policy() == null ? null : d.policy().id())
        .put("urgency", d.urgency() == null ? null : d.urgency().name())
        .put("emergency_number", d.emergencyNumber());
  }

  private static JsonObject rule(Rule r) {
    return new JsonObject().put("id", r.id()).put("name", r.name()).put("line", r.line())
        .put("when", r.when().describe()).put("then", r.then().toString());
  }
}
