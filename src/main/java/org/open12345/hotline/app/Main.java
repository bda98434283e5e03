package org.open12345.hotline.app;

public final class Main {
  public static void main(String[] args) {
  }
}
