package org.open12345.hotline.routing;

import com.hankcs.hanlp.classification.classifiers.NaiveBayesClassifier;
import com.hankcs.hanlp.classification.corpus.Document;
import com.hankcs.hanlp.classification.models.NaiveBayesModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The statistical reading learned from the centre's own history: HanLP's multinomial naive Bayes
 * (chi-square feature selection, Laplace smoothing) over {@link TextTokenizer}'s words and
 * character pairs, one class per category code, trained by {@link NaiveBayesCounts}. Immutable once
 * built; predictions are read-only over the model's maps, so one instance serves every thread.
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

  /** A ticket's text (normalized) and the category it turned out to be. */
  public record Example(String text, String categoryCode) {}

  private final NaiveBayesClassifier classifier;
  private final String version;

  NaiveBayesTextModel(NaiveBayesModel model, String version) {
    this.classifier = new NaiveBayesClassifier(model);
    this.version = version;
  }

  /** Trains on examples (texts normalized here); empty when there are too few to learn from. */
  public static Optional<NaiveBayesTextModel> train(List<Example> examples, String version) {
    NaiveBayesCounts counts = new NaiveBayesCounts();
    examples.forEach(e -> counts.add(e.text(), e.categoryCode()));
    return counts.build(version);
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

  /** Features (words, character pairs) the model kept. */
  public int features() {
    return classifier.getNaiveBayesModel().d;
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
    // segmented once (segmentation is most of a prediction's cost): the document keeps the known features
    Document doc = new Document(m.wordIdTrie, m.tokenizer.segment(normalizedText));
    if (doc.tfMap.isEmpty()) {
      // nothing the model learned: its answer would be the prior, the commonest category, not a reading
      return Map.of();
    }
    Map<String, Double> all = classifier.predict(doc);
    List<Map.Entry<String, Double>> top = new ArrayList<>(all.entrySet());
    top.removeIf(e -> !(e.getValue() >= MIN_PROBABILITY));
    top.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
    Map<String, Double> out = new LinkedHashMap<>();
    top.stream().limit(MAX_PREDICTIONS).forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }
}
