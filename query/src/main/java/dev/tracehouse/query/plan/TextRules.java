package dev.tracehouse.query.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text rules both evaluators follow, with each regex written once in a syntax that Java and RE2
 * (DuckDB) read the same way: words, phrase normalization and numeric text.
 */
public final class TextRules {

  /** A word: a maximal run of letters, digits and {@code _}. */
  public static final String WORD_REGEX = "[\\pL\\pN_]+";

  /** What phrase normalization turns into one space: runs of anything but word chars, * and ?. */
  public static final String PHRASE_SEPARATOR_REGEX = "[^\\pL\\pN_*?]+";

  /** Numeric text: a decimal number, optionally signed, with optional fraction and exponent. */
  public static final String NUMBER_REGEX = "[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?";

  private static final Pattern WORD = Pattern.compile(WORD_REGEX);
  private static final Pattern PHRASE_SEPARATOR = Pattern.compile(PHRASE_SEPARATOR_REGEX);
  private static final Pattern NUMBER = Pattern.compile(NUMBER_REGEX);

  private TextRules() {}

  public static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** The words of {@code text}, in order. */
  public static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      words.add(m.group());
    }
    return words;
  }

  /**
   * Lower-cases, turns every run of characters other than letters, digits, {@code _}, {@code *} and
   * {@code ?} into one space, and trims spaces.
   */
  public static String normalize(String text) {
    return trimSpaces(PHRASE_SEPARATOR.matcher(lower(text)).replaceAll(" "));
  }

  /** Whether normalized {@code text} contains normalized {@code phrase} between word boundaries. */
  public static boolean containsPhrase(String normalizedText, String phrase) {
    return (" " + normalizedText + " ").contains(" " + phrase + " ");
  }

  /** The value of numeric text when it is finite, else empty. */
  public static OptionalDouble number(String text) {
    if (!NUMBER.matcher(text).matches()) {
      return OptionalDouble.empty();
    }
    double d = Double.parseDouble(text);
    return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
  }

  private static String trimSpaces(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == ' ') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(start, end);
  }
}
