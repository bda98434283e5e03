package org.open12345.hotline.db;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Unpacks the PostgreSQL binaries that zonky publishes on Maven Central (a .txz inside a jar on
 * our classpath) into a folder, once. We run them ourselves rather than through zonky's
 * EmbeddedPostgres because that library cannot start PostgreSQL as another account, and
 * PostgreSQL refuses to run as root.
 */
final class PostgresBinaries {
  static final String ARCHIVE = "postgres-linux-x86_64.txz";
  private static final String MARKER = ".unpacked";

  private PostgresBinaries() {}

  /** Returns the folder holding bin/, lib/ and share/, unpacking the archive if needed. */
  static Path unpack(Path target) throws IOException {
    if (Files.exists(target.resolve(MARKER))) {
      return target;
    }
    Path staging = Files.createDirectories(target.getParent()).resolve(target.getFileName() + ".tmp");
    deleteRecursively(staging);
    Files.createDirectories(staging);
    try (InputStream raw = PostgresBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
      if (raw == null) {
        throw new IOException("PostgreSQL binaries (" + ARCHIVE + ") are not on the classpath");
      }
      try (TarArchiveInputStream tar =
          new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(raw)))) {
        TarArchiveEntry e;
        while ((e = tar.getNextEntry()) != null) {
          Path out = staging.resolve(e.getName()).normalize();
          if (!out.startsWith(staging)) {
            throw new IOException("archive entry escapes its folder: " + e.getName());
          }
          if (e.isDirectory()) {
            Files.createDirectories(out);
          } else if (e.isSymbolicLink()) {
            Files.createDirectories(out.getParent());
            Files.deleteIfExists(out);
            Files.createSymbolicLink(out, Path.of(e.getLinkName()));
          } else {
            Files.createDirectories(out.getParent());
            try (OutputStream os = Files.newOutputStream(out)) {
              tar.transferTo(os);
            }
            Files.setPosixFilePermissions(
                out, PosixFilePermissions.fromString((e.getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
          }
        }
      }
    }
    Files.writeString(staging.resolve(MARKER), ARCHIVE);
    deleteRecursively(target);
    // Two servers unpacking at once: the loser of the rename keeps the winner's copy.
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (!Files.exists(target.resolve(MARKER))) {
        throw e;
      }
      deleteRecursively(staging);
    }
    return target;
  }

  static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (var walk = Files.walk(p)) {
      for (Path x : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(x);
      }
    }
  }
}
