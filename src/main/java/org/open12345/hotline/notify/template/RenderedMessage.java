package org.open12345.hotline.notify.template;

/**
 * A message ready for the outbox.
 *
 * @param subject null when the template has no subject part (SMS, robots)
 * @param html null when the template has no HTML part
 */
public record RenderedMessage(String subject, String text, String html) {}
