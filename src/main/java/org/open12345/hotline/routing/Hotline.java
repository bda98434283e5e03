package org.open12345.hotline.routing;

/**
 * A hotline merged into 12345.
 *
 * @param subCentreDepartmentId the department whose seats work the tickets, only for {@link MergeMode#SUB_CENTRE}
 */
public record Hotline(String number, String name, MergeMode mode, String subCentreDepartmentId) {}
