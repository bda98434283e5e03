package org.open12345.hotline.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 17 server whose binaries and data live in one folder that survives restarts.
 *
 * <p>As root, every PostgreSQL command runs under an unprivileged account through {@code runuser},
 * because initdb and postgres refuse root. A server left running by a killed JVM (kill -9) is
 * found through pg_ctl status and reused; a stale pid file is handled by postgres itself.
 */
public final class EmbeddedPostgres {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);

  private final Path home;
  private final Path dataDir;
  private final int port;
  private final String runAs;
  private Path binDir;
  private int runningPort;
  private boolean reused;

  public EmbeddedPostgres(Path folder, int port, String runAs) {
    this.home = folder.toAbsolutePath().normalize();
    this.dataDir = home.resolve("pg17");
    this.port = port;
    this.runAs = isRoot() ? runAs : null;
  }

  /** Starts (or reuses) the server; returns the JDBC-less URL of the database {@code hotline}. */
  public String start() throws IOException, InterruptedException {
    Files.createDirectories(home);
    binDir = PostgresBinaries.unpack(home.resolve("pgsql-17")).resolve("bin");
    if (runAs != null) {
      // The account must own the data and be able to read the binaries.
      run(List.of("chown", "-R", runAs, home.toString()), false);
    }
    if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
      log.info("initialising embedded PostgreSQL in {}", dataDir);
      PostgresBinaries.deleteRecursively(dataDir);
      pg(List.of(bin("initdb"), "-A", "trust", "-U", "postgres", "-D", dataDir.toString(), "-E", "UTF-8",
          "--locale=C"), true);
    }
    Integer existing = runningServerPort();
    if (existing != null) {
      log.info("reusing embedded PostgreSQL already running on port {} (left by an earlier start)", existing);
      runningPort = existing;
      reused = true;
    } else {
      log.info("starting embedded PostgreSQL on 127.0.0.1:{}", port);
      pg(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-w", "-t", "60", "-l",
          dataDir.resolve("postgres.log").toString(), "-o",
          "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300",
          "start"), true);
      runningPort = port;
    }
    return "postgresql://postgres@127.0.0.1:" + runningPort + "/postgres";
  }

  /** True when {@link #start} found the server already running (e.g. the hotline server's own). */
  public boolean reused() {
    return reused;
  }

  public int port() {
    return runningPort;
  }

  /** Fast shutdown: active transactions roll back, which is what a normal server stop wants. */
  public void stop() {
    try {
      pg(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"), true);
      log.info("embedded PostgreSQL stopped");
    } catch (IOException | InterruptedException e) {
      log.warn("could not stop embedded PostgreSQL: {}", e.getMessage());
    }
  }

  /** The port of a postmaster already serving our data folder, or null. */
  private Integer runningServerPort() throws IOException, InterruptedException {
    int status = pg(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "status"), false);
    if (status != 0) {
      return null;
    }
    // postmaster.pid: line 4 is the port.
    List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.UTF_8);
    return lines.size() >= 4 ? Integer.parseInt(lines.get(3).trim()) : port;
  }

  private String bin(String name) {
    return binDir.resolve(name).toString();
  }

  private int pg(List<String> command, boolean mustSucceed) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (runAs != null) {
      full.addAll(List.of("runuser", "-u", runAs, "--"));
    }
    full.addAll(command);
    return run(full, mustSucceed);
  }

  private int run(List<String> command, boolean mustSucceed) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("LC_ALL", "C");
    pb.directory(home.toFile());
    Process p = pb.start();
    // Read output fully: pg_ctl's child inherits the pipe, so only read until our process exits.
    byte[] out = p.getInputStream().readNBytes(64 * 1024);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + String.join(" ", command));
    }
    if (mustSucceed && p.exitValue() != 0) {
      throw new IOException(
          "failed (exit " + p.exitValue() + "): " + String.join(" ", command) + "\n"
              + new String(out, StandardCharsets.UTF_8));
    }
    return p.exitValue();
  }

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}
