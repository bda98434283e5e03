package org.open12345.hotline.testing;

import java.net.ServerSocket;

public final class FreePort {
  private FreePort() {}

  public static int find() {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
