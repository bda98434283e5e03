package org.open12345.hotline.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.auth.AccessTable.Verdict;

class AccessTableTest {
  private final AccessTable table = AccessTable.builder()
      .open("POST", "/api/complaints")
      .scoped("GET", "/api/tickets/{number}", Role.DISPATCHER, Role.DEPARTMENT)
      .staff("GET", "/api/tickets/special", Role.ADMIN)
      .staff("POST", "/api/tickets/{number}/actions/{action}", Role.DISPATCHER)
      .build();

  @Test
  void anAnonymousCallerIsAskedToAuthenticateOnStaffRoutesAndPassesOnPublicOnes() {
    assertEquals(Verdict.UNAUTHENTICATED, table.decide("GET", "/api/tickets/20261130000001", null).verdict());
    assertEquals(Verdict.OPEN, table.decide("POST", "/api/complaints", null).verdict());
    assertEquals(Verdict.OPEN, table.decide("POST", "/api/complaints/", Role.DEPARTMENT).verdict());
  }

  @Test
  void theRoleMustBeOnTheLine() {
    assertEquals(Verdict.ALLOWED, table.decide("GET", "/api/tickets/1", Role.DEPARTMENT).verdict());
    assertEquals(Verdict.FORBIDDEN, table.decide("GET", "/api/tickets/1", Role.OPERATOR).verdict());
    assertEquals(Verdict.FORBIDDEN, table.decide("POST", "/api/tickets/1/actions/close", Role.DEPARTMENT).verdict());
  }

  @Test
  void aRouteWithoutALineIsUnknownToTheAuthenticatedAndClosedToTheAnonymous() {
    AccessTable.Decision d = table.decide("DELETE", "/api/tickets/1", Role.DISPATCHER);
    assertEquals(Verdict.NO_LINE, d.verdict());
    assertNull(d.line());
    assertEquals(Verdict.UNAUTHENTICATED, table.decide("GET", "/api/users", null).verdict());
    assertEquals(Verdict.NO_LINE, table.decide("GET", "/api/tickets/1/extra", Role.ADMIN).verdict());
  }

  @Test
  void aLiteralSegmentWinsOverAParameterAndHeadIsGet() {
    assertEquals("/api/tickets/special", table.find("GET", "/api/tickets/special").orElseThrow().pattern());
    assertEquals(Verdict.ALLOWED, table.decide("HEAD", "/api/tickets/special", Role.ADMIN).verdict());
    assertEquals(Verdict.FORBIDDEN, table.decide("GET", "/api/tickets/special", Role.DEPARTMENT).verdict());
    assertEquals(AccessTable.Scope.DEPARTMENT, table.find("get", "/api/tickets/7").orElseThrow().scope());
  }

  @Test
  void theSameRouteTwiceIsAMistake() {
    assertThrows(IllegalArgumentException.class, () -> AccessTable.builder()
        .staff("GET", "/api/x", Role.ADMIN).open("get", "/api/x"));
  }

  @Test
  void theShippedRulesGiveEveryDepartmentLineADepartmentScopeExceptSharedReferenceData() {
    for (AccessTable.Line l : AccessRules.table().lines()) {
      boolean department = l.roles().contains(Role.DEPARTMENT);
      boolean shared = Set.of("/api/departments", "/api/me", "/api/returns/reasons").contains(l.pattern());
      assertEquals(department && !shared, l.scope() == AccessTable.Scope.DEPARTMENT, l.method() + " " + l.pattern());
      assertTrue(l.open() || !l.roles().isEmpty(), l.pattern() + " admits nobody");
      assertTrue(!l.roles().contains(Role.SYSTEM) && !l.roles().contains(Role.CITIZEN), l.pattern());
    }
  }
}
