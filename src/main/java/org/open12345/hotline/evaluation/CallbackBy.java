package org.open12345.hotline.evaluation;

/** Who makes a 差评's callback: the centre, or the department when the rule files say so for it. */
public enum CallbackBy { CENTRE, DEPARTMENT }
