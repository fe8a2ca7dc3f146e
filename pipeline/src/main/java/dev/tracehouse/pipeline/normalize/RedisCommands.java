package dev.tracehouse.pipeline.normalize;

import java.util.ArrayList;
import java.util.List;

/** Splits Redis command text into commands (lines) and words, honouring double quotes. */
final class RedisCommands {
  private RedisCommands() {}

  /** Non-empty commands, each a non-empty list whose first word is the command name. */
  static List<List<String>> split(String text) {
    List<List<String>> commands = new ArrayList<>();
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        word.append(c);
        if (c == '\\' && i + 1 < text.length()) {
          word.append(text.charAt(++i));
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '\n') {
        endWord(words, word);
        endCommand(commands, words);
        words = new ArrayList<>();
      } else if (Character.isWhitespace(c)) {
        endWord(words, word);
      } else {
        quoted = c == '"';
        word.append(c);
      }
    }
    endWord(words, word);
    endCommand(commands, words);
    return commands;
  }

  private static void endWord(List<String> words, StringBuilder word) {
    if (word.length() > 0) {
      words.add(word.toString());
      word.setLength(0);
    }
  }

  private static void endCommand(List<List<String>> commands, List<String> words) {
    if (!words.isEmpty()) {
      commands.add(words);
    }
  }
}
