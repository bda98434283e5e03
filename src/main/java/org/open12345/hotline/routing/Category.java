package org.open12345.hotline.routing;

/** One node of the coded category tree (six digits, GB/T 39666-2020 style); parent null at top. */
public record Category(String code, String name, String parentCode) {}
