package org.open12345.hotline.ticket;

/**
 * A ticket whose outcome is known, as an example for learning to route free text: what the
 * citizen said, the category it was filed under and the department that finally kept it.
 */
public record LabelledText(String description, String categoryCode, String departmentId) {}
