package org.open12345.hotline.intake.open311;

import java.util.List;

/**
 * A small built-in service list until the routing rules' category tree is wired in (the lead
 * passes a supplier built from it). Codes are illustrative six-digit category codes.
 */
public final class Open311Services {
  private Open311Services() {}

  public static List<Open311Service> defaults() {
    return List.of(
        new Open311Service("110201", "供暖问题", "室温不达标、暖气不热、漏水", "城市管理", List.of("供暖", "暖气")),
        new Open311Service("110301", "供水问题", "停水、水压低、水质", "城市管理", List.of("供水", "停水")),
        new Open311Service("120101", "路灯损坏", "路灯不亮、灯杆损坏", "市政设施", List.of("路灯")),
        new Open311Service("120201", "道路破损", "坑洼、井盖缺失", "市政设施", List.of("道路", "井盖")),
        new Open311Service("130101", "环境卫生", "垃圾清运、乱倒垃圾", "环境", List.of("垃圾", "卫生")),
        new Open311Service("130201", "噪音扰民", "施工、商铺、娱乐噪音", "环境", List.of("噪音")));
  }
}
