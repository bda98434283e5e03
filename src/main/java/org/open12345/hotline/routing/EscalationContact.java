package org.open12345.hotline.routing;

/** Who is told at one escalation level (催办/督办/通报). At least one of phone and mail is set. */
public record EscalationContact(String name, String title, String phone, String mail) {}
