package org.open12345.hotline.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Makes some established TCP connections to a port go dark, as when the host at their other end
 * vanished (a failed-over database's old primary): nftables drops their packets both ways, with no
 * FIN or RST, while new connections to the same port still work. Root only; installs nftables
 * when missing. Closing removes the rule, which lives in a table of its own.
 */
public final class DarkConnections implements AutoCloseable {
  private static final Path NFT = Path.of("/usr/sbin/nft");
  private final String table;

  private DarkConnections(String table) {
    this.table = table;
  }

  /** @param localPorts the client ends of the connections to {@code serverPort}, on this machine */
  public static DarkConnections cut(int serverPort, List<Integer> localPorts) throws Exception {
    return drop(serverPort, localPorts, true);
  }

  /**
   * Only the server's side goes dark: what the clients send still arrives (and is acted on), but no
   * answer and no acknowledgement comes back. A COMMIT sent then is applied, and its sender cannot
   * know it.
   */
  public static DarkConnections cutAnswers(int serverPort, List<Integer> localPorts) throws Exception {
    return drop(serverPort, localPorts, false);
  }

  private static DarkConnections drop(int serverPort, List<Integer> localPorts, boolean requestsToo)
      throws Exception {
    if (!Files.isExecutable(NFT)) {
      DebianPackages.install("tests of vanished database hosts need nftables", "nftables");
    }
    String table = "hotline_test_" + UUID.randomUUID().toString().substring(0, 8);
    String ports = String.join(", ", localPorts.stream().map(String::valueOf).toList());
    DarkConnections dark = new DarkConnections(table);
    try {
      nft("add", "table", "inet", table);
      // Dropped on arrival: each packet leaves its sender and is never acknowledged, as across a
      // network (dropped at the output hook, the send would fail locally instead).
      nft("add", "chain", "inet", table, "in", "{ type filter hook input priority 0; }");
      if (requestsToo) {
        nft("add", "rule", "inet", table, "in", "tcp", "sport", "{ " + ports + " }", "tcp", "dport",
            String.valueOf(serverPort), "drop");
      }
      nft("add", "rule", "inet", table, "in", "tcp", "sport", String.valueOf(serverPort), "tcp", "dport",
          "{ " + ports + " }", "drop");
    } catch (Exception e) {
      dark.close();
      throw e;
    }
    return dark;
  }

  private static void nft(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(NFT.toString()));
    command.addAll(List.of(args));
    int rc = DebianPackages.run(command);
    if (rc != 0) {
      throw new IllegalStateException("nft " + String.join(" ", args) + " failed with " + rc);
    }
  }

  @Override
  public void close() throws Exception {
    DebianPackages.run(List.of(NFT.toString(), "delete", "table", "inet", table));
  }
}
