package org.open12345.hotline.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The code-shape rules of the project (README "Code map"), checked on every build: a new
 * violation fails it. Each rule says why in its {@code because}.
 */
class ArchitectureTest {
  private static final String ROOT = "org.open12345.hotline";
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages(ROOT);

  /** Shared kit every feature may use; it must never know a feature. */
  private static final String[] KERNEL = {
      ROOT + ".web..", ROOT + ".auth..", ROOT + ".config..", ROOT + ".db..", ROOT + ".problem..",
      ROOT + ".privacy.."};

  /** Feature packages (each with its sub-packages). */
  private static final String[] FEATURES = {
      ROOT + ".ticket..", ROOT + ".routing..", ROOT + ".deadline..", ROOT + ".escalation..",
      ROOT + ".evaluation..", ROOT + ".intake..", ROOT + ".notify..", ROOT + ".ops..", ROOT + ".identity..",
      ROOT + ".returns..", ROOT + ".stats..", ROOT + ".followup..", ROOT + ".handling..", ROOT + ".console..",
      ROOT + ".app.."};

  /** The domain rules: plain Java, testable in milliseconds, no Vert.x. */
  private static final List<String> DOMAIN_CLASSES = List.of(
      ROOT + ".ticket.TicketStateMachine",
      ROOT + ".deadline.WorkingCalendar",
      ROOT + ".deadline.DeadlineCalculator",
      ROOT + ".deadline.BusinessHours",
      ROOT + ".routing.RuleSet",
      ROOT + ".routing.RuleIndex",
      ROOT + ".routing.RuleCondition",
      ROOT + ".evaluation.SmsReplyParser",
      ROOT + ".escalation.EscalationLadder",
      ROOT + ".intake.voice.CallOutcomeClassifier",
      ROOT + ".deadline.StatutoryHolidays",
      ROOT + ".deadline.TicketDeadlineRules",
      ROOT + ".deadline.CalendarYears",
      ROOT + ".returns.ReturnReasons",
      ROOT + ".auth.AccessTable",
      ROOT + ".identity.PasswordRules",
      ROOT + ".identity.LoginThrottle",
      ROOT + ".privacy.ContactMask",
      ROOT + ".evaluation.RatingCaseLife",
      ROOT + ".evaluation.RatingCaseClock",
      ROOT + ".evaluation.RatingAppealRules",
      ROOT + ".evaluation.OptOutReply",
      ROOT + ".console.Countdown",
      ROOT + ".notify.policy.SendRate");

  @Test
  void featurePackagesHaveNoCycles() {
    slices().matching(ROOT + ".(*)..")
        .should().beFreeOfCycles()
        .because("a feature talks to another through its service or a listener interface it declares")
        .check(MAIN);
  }

  @Test
  void theSharedKitImportsNoFeature() {
    noClasses().that().resideInAnyPackage(KERNEL)
        .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
        .because("web, auth, config, db, problem and privacy are used by every feature and must not know one")
        .check(MAIN);
  }

  @Test
  void domainRulesImportNoVertx() {
    noClasses().that().haveNameMatching(
            DOMAIN_CLASSES.stream().map(java.util.regex.Pattern::quote).collect(Collectors.joining("|")))
        .should().dependOnClassesThat().resideInAPackage("io.vertx..")
        .because("domain rules are plain Java, tested without a server")
        .check(MAIN);
    DOMAIN_CLASSES.forEach(name -> MAIN.get(name)); // fails if a listed class was renamed or moved
  }

  @Test
  void onlyRepositoriesRunSql() {
    // BatchConnection (the connection a group-commit batch shares), DeferredRows (multi-row
    // writes at a batch's end) and BatchValues (sequence values drawn per batch, and for the next
    // one) only pass on statements written in repositories; GroupCommit sends transaction control
    // only (BEGIN, SET CONSTRAINTS, COMMIT).
    noClasses().that().haveSimpleNameNotEndingWith("Repository")
        .and().doNotHaveFullyQualifiedName("org.open12345.hotline.db.DeferredRows")
        .and().doNotHaveFullyQualifiedName("org.open12345.hotline.db.BatchValues")
        .and().doNotHaveFullyQualifiedName("org.open12345.hotline.db.GroupCommit")
        .and().doNotHaveFullyQualifiedName("org.open12345.hotline.db.BatchConnection")
        .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
            "SQL statement of io.vertx.sqlclient",
            call -> call.getTargetOwner().isAssignableTo(io.vertx.sqlclient.SqlClient.class)
                && (call.getName().equals("preparedQuery") || call.getName().equals("query"))))
        .orShould().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
            "SqlTemplate statement",
            call -> call.getTargetOwner().isEquivalentTo(io.vertx.sqlclient.templates.SqlTemplate.class)
                && (call.getName().equals("forQuery") || call.getName().equals("forUpdate"))))
        .because("SQL lives only in *Repository classes, one screen per feature's statements")
        .check(MAIN);
  }

  @Test
  void routeClassesOpenNoTransactions() {
    noClasses().that().haveSimpleNameEndingWith("Routes")
        .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
            "a transaction or connection of the pool",
            call -> call.getTargetOwner().isAssignableTo(io.vertx.sqlclient.Pool.class)
                && (call.getName().equals("withTransaction") || call.getName().equals("withConnection")
                    || call.getName().equals("getConnection"))))
        .because("route classes parse, call a service and answer; services own transactions")
        .check(MAIN);
  }

  @Test
  void onlyTheHttpEdgeKnowsHttpErrors() {
    // The edge: web/, app/ (the router's last handler), auth/ (request identity), route classes
    // and intake's webhook answer helper.
    noClasses().that().resideOutsideOfPackages(ROOT + ".web..", ROOT + ".app..", ROOT + ".auth..")
        .and().haveSimpleNameNotEndingWith("Routes")
        .and().haveSimpleNameNotEndingWith("Answers")
        .should().dependOnClassesThat().haveFullyQualifiedName(ROOT + ".web.ApiException")
        .because("services and domain code throw Problem subclasses; web/ApiErrors maps them to HTTP")
        .check(MAIN);
  }

  @Test
  void noTwoPublicClassesShareASimpleName() {
    Map<String, List<String>> byName = MAIN.stream()
        .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC) && c.isTopLevelClass())
        .collect(Collectors.groupingBy(JavaClass::getSimpleName, TreeMap::new,
            Collectors.mapping(JavaClass::getName, Collectors.toList())));
    Map<String, List<String>> clashes = new TreeMap<>();
    byName.forEach((name, classes) -> {
      if (classes.size() > 1) {
        clashes.put(name, classes);
      }
    });
    assertEquals(Map.of(), clashes, "one name, one concept");
  }
}
