package org.open12345.hotline.notify.template;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Message texts from Pebble template files. A message named {@code mail/supervision} is made of
 * up to three files: {@code mail/supervision.subject.peb}, {@code mail/supervision.text.peb}
 * (required) and {@code mail/supervision.html.peb}. The defaults ship in the jar under
 * {@code templates/}; a centre that sets {@code messaging.templates.dir} can copy any file there
 * and edit it, and its copy wins.
 *
 * <p>Variables are strict: a template that uses a variable the caller did not pass fails at
 * render time with {@link TemplateRenderException}, rather than sending a message with a hole.
 * The HTML part escapes variables; the subject and text parts do not.
 */
public final class MessageTemplates {

  private final Loader<?> overrides;
  private final Loader<?> shipped;
  /**
   * Which shipped files exist. The jar does not change while the server runs, and asking it
   * means a zip directory lookup on the event loop for every message rendered (three per message).
   */
  private final Map<String, Boolean> shippedExists = new ConcurrentHashMap<>();
  private final PebbleEngine plain;
  private final PebbleEngine html;
  private final Map<String, Boolean> overrideExists = new ConcurrentHashMap<>();

  /** @param overrides the centre's own files, looked up first; null when there are none */
  private MessageTemplates(Loader<?> overrides, Loader<?> shipped) {
    this.overrides = overrides;
    this.shipped = shipped;
    Loader<?> loader = overrides == null ? shipped : new DelegatingLoader(List.of(overrides, shipped));
    this.plain = engine(loader, false);
    this.html = engine(loader, true);
  }

  /** Only the defaults shipped in the jar. */
  public static MessageTemplates defaults() {
    return new MessageTemplates(null, classpath());
  }

  /** Files in {@code dir} override the shipped defaults of the same name. */
  public static MessageTemplates withOverrides(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("template directory does not exist: " + dir.toAbsolutePath());
    }
    FileLoader files = new FileLoader();
    files.setPrefix(dir.toAbsolutePath().toString());
    files.setCharset("UTF-8");
    return new MessageTemplates(files, classpath());
  }

  private static Loader<?> classpath() {
    ClasspathLoader loader = new ClasspathLoader(MessageTemplates.class.getClassLoader());
    loader.setPrefix("templates");
    loader.setCharset("UTF-8");
    return loader;
  }

  private static PebbleEngine engine(Loader<?> loader, boolean escapeHtml) {
    return new PebbleEngine.Builder()
        .loader(loader)
        .strictVariables(true)
        // Line breaks after {{ }} are content in plain-text mail and SMS.
        .newLineTrimming(false)
        .autoEscaping(escapeHtml)
        .defaultLocale(Locale.SIMPLIFIED_CHINESE)
        .build();
  }

  public boolean exists(String name) {
    return fileExists(name + ".text.peb");
  }

  /**
   * Remembered per file, for the override folder too: rendering runs on the event loop, where a
   * file-system check per message would block it, and Pebble caches the compiled templates
   * anyway, so an edited override takes effect at the next restart either way.
   */
  private boolean fileExists(String file) {
    return (overrides != null && overrideExists.computeIfAbsent(file, overrides::resourceExists))
        || shippedExists.computeIfAbsent(file, shipped::resourceExists);
  }

  /**
   * @throws IllegalArgumentException when there is no template of that name
   * @throws TemplateRenderException when rendering fails, e.g. a variable is missing
   */
  public RenderedMessage render(String name, Map<String, Object> vars) {
    if (!exists(name)) {
      throw new IllegalArgumentException("no message template " + name + " (" + name + ".text.peb)");
    }
    String subject = fileExists(name + ".subject.peb")
        ? oneLine(evaluate(plain, name + ".subject.peb", vars))
        : null;
    String text = evaluate(plain, name + ".text.peb", vars).strip();
    String htmlBody = fileExists(name + ".html.peb")
        ? evaluate(html, name + ".html.peb", vars)
        : null;
    return new RenderedMessage(subject, text, htmlBody);
  }

  private static String evaluate(PebbleEngine engine, String file, Map<String, Object> vars) {
    try {
      PebbleTemplate template = engine.getTemplate(file);
      StringWriter out = new StringWriter();
      template.evaluate(out, vars);
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      throw new TemplateRenderException("cannot render " + file + ": " + e.getMessage(), e);
    }
  }

  /** Compiled once: {@code String.replaceAll} compiled it at every message rendered. */
  private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\R\\s*");

  private static String oneLine(String text) {
    return LINE_BREAK.matcher(text.strip()).replaceAll(" ");
  }
}
