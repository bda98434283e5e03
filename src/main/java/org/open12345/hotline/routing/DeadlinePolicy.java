package org.open12345.hotline.routing;

/**
 * A named set of deadlines: sign for the ticket (签收), respond (first contact with the citizen),
 * resolve (reply with the result).
 */
public record DeadlinePolicy(String id, String name, Deadline sign, Deadline respond, Deadline resolve) {}
