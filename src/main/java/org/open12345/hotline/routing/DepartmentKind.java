package org.open12345.hotline.routing;

import java.util.Locale;

/**
 * What sort of handling unit (承办单位) a department is. The first four are administrative areas:
 * only they may appear in a rule's {@code area} condition.
 */
public enum DepartmentKind {
  REGION("自治区"),
  CITY("盟市"),
  COUNTY("旗县区"),
  TOWNSHIP("苏木乡镇街道"),
  AGENCY("政府部门"),
  ENTERPRISE("公共企事业单位");

  private final String label;

  DepartmentKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean isArea() {
    return this == REGION || this == CITY || this == COUNTY || this == TOWNSHIP;
  }

  /** Accepts the lower-case key used in the files, the constant name or the Chinese label. */
  public static DepartmentKind parse(String text) {
    if (text == null) {
      return null;
    }
    for (DepartmentKind k : values()) {
      if (k.name().equals(text.trim().toUpperCase(Locale.ROOT)) || k.label.equals(text.trim())) {
        return k;
      }
    }
    return null;
  }
}
