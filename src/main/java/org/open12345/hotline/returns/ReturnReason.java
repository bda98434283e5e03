package org.open12345.hotline.returns;

/**
 * One reason a department may give for a return (退单), as the rule files list it.
 *
 * @param id the stable id the API and the statistics use, e.g. {@code wrong_area}
 * @param name what people read, e.g. 属地不符
 */
public record ReturnReason(String id, String name) {

  public ReturnReason {
    if (id == null || id.isBlank() || name == null || name.isBlank()) {
      throw new IllegalArgumentException("a return reason needs an id and a name");
    }
  }
}
