package org.open12345.hotline.intake.voice;

/** Who dialled: a citizen calling in, or the centre calling out (callbacks, 回访). */
public enum CallDirection {
  IN,
  OUT,
  /** The format does not say and the numbers do not tell. */
  UNKNOWN
}
