package org.open12345.hotline.routing;

/** One problem found in the rule files, printed the way compilers do so editors can jump to it. */
public record ValidationError(String file, int line, String message) {

  @Override
  public String toString() {
    return file + ":" + line + ": " + message;
  }
}
