package org.open12345.hotline.auth;

import static org.open12345.hotline.auth.Role.ADMIN;
import static org.open12345.hotline.auth.Role.DEPARTMENT;
import static org.open12345.hotline.auth.Role.DISPATCHER;
import static org.open12345.hotline.auth.Role.METRICS;
import static org.open12345.hotline.auth.Role.OPERATOR;
import static org.open12345.hotline.auth.Role.SUPERVISOR;

/**
 * The access rules of the server, one line per route: who may call it, and whether department
 * users see only their own tickets through it. A route without a line is unreachable (answered as
 * unknown), and the authorization matrix test fails until the line is written here. The README's
 * access table mirrors this class.
 */
public final class AccessRules {
  private AccessRules() {}

  private static final AccessTable TABLE = AccessTable.builder()
      // Public: citizens and their apps. Webhooks, Open311, /health, /ready and the pages are
      // outside /api and have guards of their own.
      .open("GET", "/api/openapi.yaml")
      .open("POST", "/api/complaints")
      .open("GET", "/api/complaints/{number}")
      // The citizen rates a concluded complaint with its number and query code (like the lookup).
      .open("POST", "/api/complaints/{number}/rating")
      // Who am I (and the CSRF token a page needs for its requests).
      .staff("GET", "/api/me", OPERATOR, DISPATCHER, DEPARTMENT, SUPERVISOR, ADMIN)
      // Tickets.
      .staff("POST", "/api/tickets", OPERATOR, DISPATCHER)
      .scoped("GET", "/api/tickets", OPERATOR, DISPATCHER, SUPERVISOR, DEPARTMENT)
      .scoped("GET", "/api/tickets/{number}", OPERATOR, DISPATCHER, SUPERVISOR, DEPARTMENT)
      .scoped("POST", "/api/tickets/{number}/actions/{action}", OPERATOR, DISPATCHER, SUPERVISOR, DEPARTMENT)
      // Centre staff see contacts in clear; a department reveals a confidential one with a reason.
      .scoped("POST", "/api/tickets/{number}/reveal", DEPARTMENT)
      // 并案/撤销并案 and 直接办结 go through the actions line above (the state machine says who).
      // 回访: the centre records and asks; a department reads the follow-ups of its own tickets.
      .staff("POST", "/api/tickets/{number}/follow-ups", OPERATOR, DISPATCHER, SUPERVISOR)
      .scoped("GET", "/api/tickets/{number}/follow-ups", OPERATOR, DISPATCHER, SUPERVISOR, DEPARTMENT)
      .staff("GET", "/api/follow-ups/figures", DISPATCHER, SUPERVISOR)
      // 协办: the parts are read by the centre, the lead department (scope) and a department that
      // assists now (checked by the service); a co-department writes only its own part.
      .scoped("GET", "/api/tickets/{number}/co-departments", OPERATOR, DISPATCHER, SUPERVISOR, DEPARTMENT)
      .scoped("POST", "/api/tickets/{number}/co-departments/notes", DEPARTMENT)
      .scoped("POST", "/api/tickets/{number}/co-departments/answer", DEPARTMENT)
      // Deadlines, extensions, the clock, escalations.
      .scoped("GET", "/api/tickets/{number}/deadlines", OPERATOR, DISPATCHER, SUPERVISOR, DEPARTMENT)
      .scoped("POST", "/api/tickets/{number}/extensions", DEPARTMENT)
      .staff("POST", "/api/tickets/{number}/extensions/{id}/{decision}", DISPATCHER, SUPERVISOR)
      .scoped("POST", "/api/tickets/{number}/clock/pause", DISPATCHER, SUPERVISOR, DEPARTMENT)
      .scoped("POST", "/api/tickets/{number}/clock/resume", DISPATCHER, SUPERVISOR, DEPARTMENT)
      // A department asks for a pause; the centre decides (and pauses directly: a department
      // asking there is told to ask, 403 pause_needs_approval).
      .scoped("POST", "/api/tickets/{number}/pause-requests", DEPARTMENT)
      .staff("POST", "/api/tickets/{number}/pause-requests/{id}/{decision}", DISPATCHER, SUPERVISOR)
      .staff("GET", "/api/pause-requests", DISPATCHER, SUPERVISOR)
      .scoped("GET", "/api/deadlines/overdue", OPERATOR, DISPATCHER, SUPERVISOR, DEPARTMENT)
      .scoped("GET", "/api/escalations", DISPATCHER, SUPERVISOR, DEPARTMENT)
      // Routing: the rules are the centre's; the department tree is everybody's.
      .staff("POST", "/api/routing/explain", OPERATOR, DISPATCHER, SUPERVISOR, ADMIN)
      .staff("GET", "/api/routing/rules", OPERATOR, DISPATCHER, SUPERVISOR, ADMIN)
      // The free-text model: who may see which one is in force, and retrain it now.
      .staff("GET", "/api/routing/model", OPERATOR, DISPATCHER, SUPERVISOR, ADMIN)
      .staff("POST", "/api/routing/model/train", ADMIN)
      .staff("GET", "/api/departments", OPERATOR, DISPATCHER, DEPARTMENT, SUPERVISOR, ADMIN)
      // The manual dispatch queue (待派单), emergencies on top: the centre's desk.
      .staff("GET", "/api/dispatch-queue", OPERATOR, DISPATCHER, SUPERVISOR)
      .staff("POST", "/api/dispatch-queue/{number}/accept", DISPATCHER)
      // Returns (退单): the reasons are everybody's; the queue and the ruling are the centre's.
      .staff("GET", "/api/returns/reasons", OPERATOR, DISPATCHER, DEPARTMENT, SUPERVISOR)
      .staff("GET", "/api/returns", DISPATCHER, SUPERVISOR)
      .staff("POST", "/api/returns/{id}/ruling", DISPATCHER, SUPERVISOR)
      // Messages: the centre's; a department sees those about its own tickets.
      .scoped("GET", "/api/outbox", DISPATCHER, SUPERVISOR, DEPARTMENT)
      .staff("POST", "/api/outbox/{id}/retry", DISPATCHER, SUPERVISOR)
      // The operators' desk: callers' history, missed calls to return, raw inbound traffic.
      .staff("GET", "/api/callers/{phone}", OPERATOR, DISPATCHER, SUPERVISOR)
      .staff("GET", "/api/callback-tasks", OPERATOR, DISPATCHER, SUPERVISOR)
      .staff("POST", "/api/callback-tasks/{id}/done", OPERATOR, DISPATCHER, SUPERVISOR)
      .staff("GET", "/api/inbound", DISPATCHER, SUPERVISOR)
      .staff("GET", "/api/inbound/rejects", DISPATCHER, SUPERVISOR)
      // Emergencies found in citizens' SMS and transcripts (phones and texts): the centre's.
      .staff("GET", "/api/emergency-transfers", OPERATOR, DISPATCHER, SUPERVISOR)
      // Those who read unparsed replies settle them.
      .staff("POST", "/api/inbound/{id}/settle", DISPATCHER, SUPERVISOR)
      // 好差评: everybody who follows tickets reads ratings and 差评 cases (a department its own);
      // the centre calls back (a department too when the rule files say so: RatingCaseLife);
      // the department fixes, explains and appeals; a supervisor closes and decides appeals.
      .scoped("GET", "/api/ratings", OPERATOR, DISPATCHER, SUPERVISOR, DEPARTMENT)
      .scoped("GET", "/api/tickets/{number}/ratings", OPERATOR, DISPATCHER, SUPERVISOR, DEPARTMENT)
      .scoped("POST", "/api/ratings/{id}/appeal", DEPARTMENT)
      .staff("POST", "/api/ratings/{id}/appeal/decision", SUPERVISOR)
      .scoped("GET", "/api/rating-cases", OPERATOR, DISPATCHER, SUPERVISOR, DEPARTMENT)
      .scoped("GET", "/api/rating-cases/{id}", OPERATOR, DISPATCHER, SUPERVISOR, DEPARTMENT)
      .scoped("POST", "/api/rating-cases/{id}/callback", OPERATOR, DISPATCHER, SUPERVISOR, DEPARTMENT)
      .scoped("POST", "/api/rating-cases/{id}/fix", DEPARTMENT)
      .scoped("POST", "/api/rating-cases/{id}/explain", DISPATCHER, SUPERVISOR, DEPARTMENT)
      .staff("POST", "/api/rating-cases/{id}/close", SUPERVISOR)
      // 退订: operators record a citizen's wish to stop or resume the rating prompts.
      .staff("GET", "/api/rating-opt-outs/{phone}", OPERATOR, DISPATCHER, SUPERVISOR)
      .staff("POST", "/api/rating-opt-outs/{phone}", OPERATOR, DISPATCHER, SUPERVISOR)
      // Figures (三率): departments read their own sub-tree (checked by the stats service: a
      // department outside it is 403 outside_scope); the publication draft is the centre's.
      .scoped("GET", "/api/stats/departments", DISPATCHER, SUPERVISOR, DEPARTMENT)
      .staff("GET", "/api/stats/publication", DISPATCHER, SUPERVISOR)
      // Identity administration.
      .staff("GET", "/api/users", ADMIN)
      .staff("POST", "/api/users", ADMIN)
      .staff("POST", "/api/users/{name}/disable", ADMIN)
      .staff("POST", "/api/users/{name}/enable", ADMIN)
      .staff("POST", "/api/users/{name}/role", ADMIN)
      .staff("POST", "/api/users/{name}/password-reset", ADMIN)
      .staff("GET", "/api/tokens", ADMIN)
      .staff("POST", "/api/tokens", ADMIN)
      .staff("POST", "/api/tokens/{name}/revoke", ADMIN)
      .staff("GET", "/api/security-events", ADMIN)
      // Monitoring: a METRICS token, never open.
      .staff("GET", "/metrics", METRICS)
      .build();

  public static AccessTable table() {
    return TABLE;
  }
}
