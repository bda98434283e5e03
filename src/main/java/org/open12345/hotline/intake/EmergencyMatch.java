package org.open12345.hotline.intake;

/** An emergency found in a text: the number to transfer to, the word that triggered it, where. */
public record EmergencyMatch(String number, String word, int index) {}
