package org.open12345.hotline.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Installs the Debian packages a test needs when the run is root (as CI is), so that
 * {@code mvn -B verify} needs nothing set up by hand; an ordinary user without them gets the test
 * skipped with the command to run.
 */
public final class DebianPackages {

  private DebianPackages() {}

  /** @param purpose what the tests use them for, in the skip message */
  public static synchronized void install(String purpose, String... packages) throws Exception {
    String command = "apt-get install -y " + String.join(" ", packages);
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), purpose + ": " + command);
    if (!aptInstall(packages)) {
      run(List.of("apt-get", "update"));
      if (!aptInstall(packages)) {
        throw new IllegalStateException("could not install with apt-get: " + String.join(", ", packages));
      }
    }
  }

  private static boolean aptInstall(String... packages) throws Exception {
    List<String> command = new ArrayList<>(List.of("apt-get", "install", "-y", "-q"));
    command.addAll(List.of(packages));
    return run(command) == 0;
  }

  /** The command's exit code; -1 if it ran longer than ten minutes. */
  public static int run(List<String> command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
    Process p = pb.start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }
}
