package org.open12345.hotline.routing;

import com.hankcs.hanlp.classification.classifiers.NaiveBayesClassifier;
import com.hankcs.hanlp.classification.corpus.IDataSet;
import com.hankcs.hanlp.classification.corpus.MemoryDataSet;
import com.hankcs.hanlp.classification.features.BaseFeatureData;
import com.hankcs.hanlp.classification.features.ChiSquareFeatureExtractor;
import com.hankcs.hanlp.classification.utilities.io.ConsoleLogger;
import com.hankcs.hanlp.classification.utilities.io.ILogger;
import com.hankcs.hanlp.collection.trie.bintrie.BinTrie;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The counting half of naive-Bayes training, one example at a time, so a training can read the
 * history in pages and keep only counts: for each feature (word or character pair), in how many
 * examples of each category it occurs, plus the examples per category.
 *
 * <p>Why not HanLP's own trainer: it wants the whole data set in memory first ({@code MemoryDataSet}:
 * a linked list of documents, each a boxed map of its features), about 4 KB per example, which at
 * 1,000,000 tickets is gigabytes of heap and the garbage collection that starved intake. Its
 * arithmetic only needs these counts. {@link #build} hands them to HanLP's chi-square selection and
 * its estimator unchanged (ids assigned in the same first-seen order), so the model is the one
 * HanLP's trainer builds from the same examples, in the same stored format, and HanLP still
 * segments ({@link TextTokenizer}). Memory grows with the vocabulary, not with the examples.
 *
 * <p>Not thread-safe: one training feeds it from one thread at a time.
 */
final class NaiveBayesCounts {
  static {
    // HanLP's trainer prints progress to stdout; the server logs training itself
    ConsoleLogger.logger = new Silent();
  }

  private final TextTokenizer tokenizer = new TextTokenizer();
  private final Map<String, Integer> featureIds = new HashMap<>();
  private final List<String> features = new ArrayList<>();
  private final Map<String, Integer> categoryIds = new HashMap<>();
  private final List<String> categories = new ArrayList<>();
  /** Per feature, examples per category; a row grows when a category appears after it. */
  private int[][] joint = new int[4096][];
  /** The last example that counted a feature: an example counts each feature once, as HanLP's does. */
  private int[] countedIn = new int[4096];
  private int[] perCategory = new int[16];
  private int examples;

  /** Counts one example (the text is normalized here); empty texts and unlabelled ones teach nothing. */
  void add(String text, String categoryCode) {
    if (text == null || categoryCode == null) {
      return;
    }
    String normalized = TextNormalizer.normalize(text);
    if (normalized.isEmpty()) {
      return;
    }
    int category = categoryIds.computeIfAbsent(categoryCode, c -> {
      categories.add(c);
      return categories.size() - 1;
    });
    if (category == perCategory.length) {
      perCategory = Arrays.copyOf(perCategory, category * 2);
    }
    perCategory[category]++;
    int stamp = ++examples;
    for (String token : tokenizer.segment(normalized)) {
      int f = featureId(token);
      if (countedIn[f] != stamp) {
        countedIn[f] = stamp;
        int[] row = joint[f];
        if (row.length <= category) {
          row = joint[f] = Arrays.copyOf(row, Math.max(category + 1, categories.size()));
        }
        row[category]++;
      }
    }
  }

  /** Examples counted so far. */
  int examples() {
    return examples;
  }

  /** Distinct features seen so far. */
  int features() {
    return features.size();
  }

  private int featureId(String token) {
    Integer id = featureIds.get(token);
    if (id != null) {
      return id;
    }
    int f = features.size();
    featureIds.put(token, f);
    features.add(token);
    if (f == joint.length) {
      joint = Arrays.copyOf(joint, f * 2);
      countedIn = Arrays.copyOf(countedIn, f * 2);
    }
    joint[f] = new int[categories.size()];
    return f;
  }

  /** The model of what was counted; empty when there are too few examples or one category only. */
  Optional<NaiveBayesTextModel> build(String version) {
    if (examples < NaiveBayesTextModel.MIN_EXAMPLES || categories.size() < 2) {
      return Optional.empty();
    }
    int c = categories.size();
    MemoryDataSet shape = new MemoryDataSet();
    shape.setTokenizer(tokenizer);
    categories.forEach(shape.getCatalog()::addCategory);
    BaseFeatureData stats = new BaseFeatureData(new MemoryDataSet());
    stats.n = examples;
    stats.categoryCounts = Arrays.copyOf(perCategory, c);
    int[][] all = new int[features.size()][];
    for (int f = 0; f < all.length; f++) {
      all[f] = joint[f].length == c ? joint[f] : Arrays.copyOf(joint[f], c);
    }
    stats.featureCategoryJointCount = all;
    // HanLP's selectFeatures, on our counts: chi-square, then the kept features renumbered in the
    // order of its map (which is what makes the model the same as its trainer's)
    Map<Integer, Double> selected = new ChiSquareFeatureExtractor().chi_square(stats);
    int[][] kept = new int[selected.size()][];
    BinTrie<Integer> trie = new BinTrie<>();
    int p = -1;
    for (Integer f : selected.keySet()) {
      kept[++p] = all[f];
      trie.put(features.get(f), p);
    }
    stats.featureCategoryJointCount = kept;
    stats.wordIdTrie = trie;
    FromCounts classifier = new FromCounts(stats);
    classifier.train(shape);
    return Optional.of(new NaiveBayesTextModel(classifier.getNaiveBayesModel(), version));
  }

  /** HanLP's estimator (priors, Laplace-smoothed likelihoods) over features already selected. */
  private static final class FromCounts extends NaiveBayesClassifier {
    private final BaseFeatureData selected;

    FromCounts(BaseFeatureData selected) {
      this.selected = selected;
    }

    @Override
    protected BaseFeatureData selectFeatures(IDataSet shape) {
      return selected;
    }
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
