package org.open12345.hotline.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTest {
  @Test
  void withoutACommandTheServerStarts() throws Exception {
    assertEquals("serve", CommandLine.parse(new String[0]).command());
    CommandLine c = CommandLine.parse(new String[] {"--config", "my.yaml"});
    assertEquals("serve", c.command());
    assertEquals(Path.of("my.yaml"), c.config());
  }

  @Test
  void helpWinsWherever() throws Exception {
    assertEquals("help", CommandLine.parse(new String[] {"--help"}).command());
    assertEquals("help", CommandLine.parse(new String[] {"user", "add", "-h"}).command());
  }

  @Test
  void userAddTakesNameRoleAndDepartment() throws Exception {
    CommandLine c = CommandLine.parse(new String[] {"user", "add", "--name", "li.wei", "--role=DEPARTMENT",
        "--department", "hhht.heating", "--config", "c.yaml"});
    assertEquals("user add", c.command());
    assertEquals(Map.of("name", "li.wei", "role", "DEPARTMENT", "department", "hhht.heating"), c.options());
    assertEquals(Path.of("c.yaml"), c.config());
    assertNull(c.argument());
  }

  @Test
  void disableAndRevokeTakeOneName() throws Exception {
    assertEquals("li.wei", CommandLine.parse(new String[] {"user", "disable", "li.wei"}).argument());
    assertEquals("cti", CommandLine.parse(new String[] {"token", "revoke", "cti"}).argument());
  }

  @Test
  void anythingElseIsAUsageError() {
    String[][] bad = {
        {"--port", "8080"}, {"serve"}, {"user"}, {"user", "add", "--name", "x"}, {"user", "add", "--name"},
        {"user", "add", "--name", "x", "--role", "ADMIN", "--colour", "red"}, {"user", "disable"},
        {"user", "disable", "a", "b"}, {"token", "create", "--role", "METRICS"}, {"token", "list"},
        {"user", "add", "--name", "a", "--name", "b", "--role", "ADMIN"}, {"user", "add", "extra", "--name", "a",
        "--role", "ADMIN"}};
    for (String[] args : bad) {
      assertThrows(CommandLine.UsageError.class, () -> CommandLine.parse(args), String.join(" ", args));
    }
  }

  @Test
  void anUnknownOptionIsNamedAsUnknownEvenWithoutAValue() {
    CommandLine.UsageError e = assertThrows(CommandLine.UsageError.class,
        () -> CommandLine.parse(new String[] {"--bogus"}));
    assertEquals("unknown argument '--bogus' (see --help)", e.getMessage());
  }

  @Test
  void helpAndUnknownArgumentsAnswerWithTheirExitStatus() {
    assertEquals(0, Main.run(new String[] {"--help"}));
    assertEquals(2, Main.run(new String[] {"--bogus", "x"}));
    assertEquals(2, Main.run(new String[] {"frobnicate"}));
  }
}
