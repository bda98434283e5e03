package org.open12345.hotline.ticket;

import java.time.Instant;

/**
 * A ticket whose outcome is known, as an example for learning to route free text: what the
 * citizen said, the category it was filed under (null for a free-text ticket a dispatcher routed:
 * routing keeps that choice) and the department that finally kept it.
 */
public record LabelledText(long id, String description, String categoryCode, String departmentId, Instant createdAt) {}
