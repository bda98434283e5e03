package org.open12345.hotline.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedRulesTest {

  @Test
  void shippedRulesLoadClean() {
    LoadResult r = RuleSetLoader.load(ShippedRules.DIR);
    assertTrue(r.isValid(), () -> "errors: " + r.errors());
    RuleSet rs = r.orThrow();
    assertTrue(rs.rules().size() >= 20);
    assertTrue(rs.categories().size() >= 40);
    long counties = rs.departments().all().stream().filter(d -> d.kind() == DepartmentKind.COUNTY).count();
    long cityDepartments = rs.departments().all().stream()
        .filter(d -> "hhht".equals(d.parentId()) && !d.kind().isArea()).count();
    assertTrue(counties >= 4, "districts/banners: " + counties);
    assertTrue(cityDepartments >= 12, "city departments: " + cityDepartments);
    assertEquals(5, rs.policies().size());
    assertEquals("12345", rs.centreNumber());
    assertEquals(4, rs.emergencyNumbers().size());
  }

  /** Issue 13: every category of the shipped tree has the words citizens use for it (most have many). */
  @Test
  void everyShippedCategoryHasWords() {
    RuleSet rs = ShippedRules.load();
    for (Category c : rs.categories().all()) {
      int min = c.code().equals("990000") ? 1 : 2;
      assertTrue(rs.vocabulary().wordsOf(c.code()).size() >= min, c.code() + " " + c.name() + " has too few words");
    }
    assertTrue(rs.vocabulary().size() >= 400, "words: " + rs.vocabulary().size());
    assertEquals(0.8, rs.textThreshold());
  }

  @Test
  void versionIsAContentHash(@TempDir Path copy) throws Exception {
    ShippedRules.copyTo(copy);
    String original = ShippedRules.load().version();
    assertEquals(12, original.length());
    assertEquals(original, RuleSetLoader.load(copy).orThrow().version(), "same content, same version");
    // a comment changes the bytes, hence the version, without changing validity
    java.nio.file.Files.writeString(copy.resolve("rules.yaml"), "# edited\n", java.nio.file.StandardOpenOption.APPEND);
    String edited = RuleSetLoader.load(copy).orThrow().version();
    assertTrue(!edited.equals(original));
  }

  @Test
  void subfoldersAreIgnored(@TempDir Path copy) throws Exception {
    ShippedRules.copyTo(copy);
    Path calendar = java.nio.file.Files.createDirectories(copy.resolve("calendar"));
    java.nio.file.Files.writeString(calendar.resolve("2026.yaml"), "holidays: [whatever]\nnot: [valid for us\n");
    assertTrue(RuleSetLoader.load(copy).isValid());
  }

  @Test
  void departmentTreeNests() {
    DepartmentTree tree = ShippedRules.load().departments();
    assertEquals(
        java.util.List.of("东街街道", "新城区", "呼和浩特市", "内蒙古自治区"),
        tree.ancestorsOrSelf("hhht.xincheng.dongjie").stream().map(Department::name).toList());
    assertEquals("hhht.xincheng", tree.byAreaCode("150102").orElseThrow().id());
    Department housing = tree.get("hhht.housing").orElseThrow();
    assertEquals(3, housing.escalation().size());
    assertNotNull(housing.escalationContacts(2).get(0).phone());
    assertTrue(tree.get("hhht.hrss").orElseThrow().subCentre());
  }
}
