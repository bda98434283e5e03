package org.open12345.hotline.notify.template;

/** A template could not be rendered: a missing variable, a syntax error in an edited file. */
public class TemplateRenderException extends RuntimeException {

  public TemplateRenderException(String message, Throwable cause) {
    super(message, cause);
  }
}
