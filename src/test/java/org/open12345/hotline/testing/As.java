package org.open12345.hotline.testing;

/**
 * Who a test request comes from, as {@link TestServer} headers: {@code server.get(path, As.DISPATCHER)}.
 * TestServer turns them into a real API token of that role ({@link TestIdentities}).
 */
public final class As {
  public static final String[] OPERATOR = {"X-Hotline-Role", "OPERATOR"};
  public static final String[] DISPATCHER = {"X-Hotline-Role", "DISPATCHER"};
  public static final String[] SUPERVISOR = {"X-Hotline-Role", "SUPERVISOR"};
  public static final String[] ADMIN = {"X-Hotline-Role", "ADMIN"};
  public static final String[] METRICS = {"X-Hotline-Role", "METRICS"};

  private As() {}

  /** A department's staff (a token bound to that department). */
  public static String[] department(String id) {
    return new String[] {"X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", id};
  }
}
