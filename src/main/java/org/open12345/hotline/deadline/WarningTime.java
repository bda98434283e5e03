package org.open12345.hotline.deadline;

import java.time.Instant;

/**
 * One reminder of a deadline, computed: when it is due and which of the policy's warning points
 * gave it.
 */
public record WarningTime(WarningPoint point, Instant at) {}
