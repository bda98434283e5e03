package org.open12345.hotline.routing;

import com.hankcs.hanlp.classification.classifiers.NaiveBayesClassifier;
import com.hankcs.hanlp.classification.corpus.MemoryDataSet;
import com.hankcs.hanlp.classification.models.NaiveBayesModel;
import com.hankcs.hanlp.classification.utilities.io.ConsoleLogger;
import com.hankcs.hanlp.classification.utilities.io.ILogger;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The statistical reading learned from the centre's own history: HanLP's multinomial naive Bayes
 * (chi-square feature selection, Laplace smoothing) over {@link TextTokenizer}'s words and
 * character pairs, one class per category code. Immutable once built; predictions are read-only
 * over the model's maps, so one instance serves every thread.
 */
public final class NaiveBayesTextModel implements TextModel {
  /** Fewer labelled tickets than this, or one category only, and no model is built. */
  static final int MIN_EXAMPLES = 20;
  /** Categories below this probability are left out of a prediction (and so of the suggestions). */
  static final double MIN_PROBABILITY = 0.05;
  private static final int MAX_PREDICTIONS = 5;
  /** A stored model is read only as these classes (the bytes come from our own table, but still). */
  private static final ObjectInputFilter CLASSES = ObjectInputFilter.Config.createFilter(
      "maxbytes=536870912;maxdepth=64;com.hankcs.hanlp.**;org.open12345.hotline.routing.TextTokenizer;"
          + "java.util.*;java.lang.*;[*;!*");

  static {
    // HanLP's trainer prints progress to stdout; the server logs training itself
    ConsoleLogger.logger = new Silent();
  }

  /** A ticket's text (normalized) and the category it turned out to be. */
  public record Example(String text, String categoryCode) {}

  private final NaiveBayesClassifier classifier;
  private final String version;

  private NaiveBayesTextModel(NaiveBayesModel model, String version) {
    this.classifier = new NaiveBayesClassifier(model);
    this.version = version;
  }

  /** Trains on examples (texts normalized here); empty when there are too few to learn from. */
  public static Optional<NaiveBayesTextModel> train(List<Example> examples, String version) {
    MemoryDataSet data = new MemoryDataSet();
    data.setTokenizer(new TextTokenizer());
    Set<String> labels = new HashSet<>();
    int n = 0;
    for (Example e : examples) {
      String text = TextNormalizer.normalize(e.text());
      if (!text.isEmpty() && e.categoryCode() != null) {
        data.add(e.categoryCode(), text);
        labels.add(e.categoryCode());
        n++;
      }
    }
    if (n < MIN_EXAMPLES || labels.size() < 2) {
      return Optional.empty();
    }
    NaiveBayesClassifier c = new NaiveBayesClassifier();
    c.train(data);
    return Optional.of(new NaiveBayesTextModel(c.getNaiveBayesModel(), version));
  }

  public static NaiveBayesTextModel fromBytes(byte[] bytes, String version) throws IOException {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      in.setObjectInputFilter(CLASSES);
      return new NaiveBayesTextModel((NaiveBayesModel) in.readObject(), version);
    } catch (ClassNotFoundException | ClassCastException e) {
      throw new IOException("not a stored text model: " + e.getMessage(), e);
    }
  }

  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(classifier.getNaiveBayesModel());
    } catch (IOException e) {
      throw new IllegalStateException("an in-memory stream does not fail", e);
    }
    return bytes.toByteArray();
  }

  /** The category codes the model knows. */
  public List<String> categories() {
    return List.of(classifier.getNaiveBayesModel().catalog);
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public Map<String, Double> predict(String normalizedText) {
    if (normalizedText.isEmpty()) {
      return Map.of();
    }
    NaiveBayesModel m = classifier.getNaiveBayesModel();
    boolean known = false;
    for (String token : m.tokenizer.segment(normalizedText)) {
      if (m.wordIdTrie.get(token) != null) {
        known = true;
        break;
      }
    }
    if (!known) {
      // nothing the model learned: its answer would be the prior, the commonest category, not a reading
      return Map.of();
    }
    Map<String, Double> all = classifier.predict(normalizedText);
    List<Map.Entry<String, Double>> top = new ArrayList<>(all.entrySet());
    top.removeIf(e -> !(e.getValue() >= MIN_PROBABILITY));
    top.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
    Map<String, Double> out = new LinkedHashMap<>();
    top.stream().limit(MAX_PREDICTIONS).forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static final class Silent implements ILogger {
    @Override
    public void out(String format, Object... args) {}

    @Override
    public void err(String format, Object... args) {}

    @Override
    public void start(String format, Object... args) {}

    @Override
    public void finish(String format, Object... args) {}
  }
}
