package org.open12345.hotline.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A list of IP ranges ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, single addresses), parsed
 * without ever resolving a host name. IPv4-mapped IPv6 addresses match their IPv4 ranges.
 */
public final class IpRanges {
  private static final Pattern IPV4 =
      Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

  private record Cidr(byte[] network, int prefix) {}

  private final List<Cidr> ranges;

  private IpRanges(List<Cidr> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  /**
   * @param entries CIDRs or single addresses; blanks are skipped
   * @throws IllegalArgumentException on an entry that is neither
   */
  public static IpRanges of(List<String> entries) {
    List<Cidr> out = new ArrayList<>();
    for (String e : entries) {
      if (e != null && !e.isBlank()) {
        out.add(parseCidr(e));
      }
    }
    return new IpRanges(out);
  }

  /** Comma-separated entries, as config keys hold them. */
  public static IpRanges parse(String commaSeparated) {
    return of(commaSeparated == null ? List.of() : Arrays.asList(commaSeparated.split(",")));
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  /** False for anything that is not an IP literal. */
  public boolean contains(String ip) {
    byte[] address = parseLiteral(ip);
    if (address == null) {
      return false;
    }
    for (Cidr c : ranges) {
      if (contains(c, address)) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(Cidr cidr, byte[] address) {
    if (cidr.network().length != address.length) {
      return false;
    }
    int full = cidr.prefix() / 8;
    for (int i = 0; i < full; i++) {
      if (cidr.network()[i] != address[i]) {
        return false;
      }
    }
    int rest = cidr.prefix() % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (cidr.network()[full] & mask) == (address[full] & mask);
  }

  private static Cidr parseCidr(String entry) {
    String t = entry.trim();
    int slash = t.indexOf('/');
    byte[] network = parseLiteral(slash < 0 ? t : t.substring(0, slash));
    if (network == null) {
      throw new IllegalArgumentException("not an IP address or CIDR: " + entry);
    }
    int prefix = network.length * 8;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(t.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad prefix length in " + entry);
      }
      if (prefix < 0 || prefix > network.length * 8) {
        throw new IllegalArgumentException("bad prefix length in " + entry);
      }
    }
    return new Cidr(network, prefix);
  }

  /** The address bytes of an IP literal, or null; never resolves a host name. */
  public static byte[] parseLiteral(String text) {
    if (text == null) {
      return null;
    }
    String t = text.trim();
    if (t.startsWith("[") && t.endsWith("]")) {
      t = t.substring(1, t.length() - 1);
    }
    if (IPV4.matcher(t).matches()) {
      String[] parts = t.split("\\.");
      byte[] b = new byte[4];
      for (int i = 0; i < 4; i++) {
        b[i] = (byte) Integer.parseInt(parts[i]);
      }
      return b;
    }
    if (t.indexOf(':') < 0 || !t.matches("[0-9A-Za-z:.%]+")) {
      return null;
    }
    try {
      // With a ':' in it, InetAddress treats the text as an IPv6 literal and does no lookup;
      // IPv4-mapped addresses come back as IPv4, so ::ffff:10.0.0.1 matches 10.0.0.0/8.
      return InetAddress.getByName(t).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
