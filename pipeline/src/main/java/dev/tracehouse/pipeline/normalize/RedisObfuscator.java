package dev.tracehouse.pipeline.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Datadog agent's Redis rules (RATIONALE.md, "Redis obfuscation"): {@link #quantize} turns a
 * command string into a resource naming at most three commands; {@link #obfuscate} keeps commands
 * and keys of {@code redis.raw_command} but replaces values, passwords and members with {@code ?}.
 * Commands are separated by newlines, arguments by blanks; a double-quoted argument may hold blanks
 * and backslash escapes. Never throws; thread-safe.
 */
public final class RedisObfuscator {
  private static final int MAX_COMMANDS = 3;
  private static final String TRUNCATION_MARK = "...";
  private static final Set<String> COMPOUND =
      Set.of("CLIENT", "CLUSTER", "COMMAND", "CONFIG", "DEBUG", "SCRIPT");
  private static final Set<String> SECOND_ARG =
      Set.of(
          "APPEND",
          "GETSET",
          "LPUSHX",
          "GEORADIUSBYMEMBER",
          "RPUSHX",
          "SET",
          "SETNX",
          "SISMEMBER",
          "ZRANK",
          "ZREVRANK",
          "ZSCORE");
  private static final Set<String> THIRD_ARG =
      Set.of(
          "HSETNX",
          "LREM",
          "LSET",
          "SETBIT",
          "SETEX",
          "PSETEX",
          "SETRANGE",
          "ZINCRBY",
          "SMOVE",
          "RESTORE");
  private static final Set<String> ALL_BUT_KEY =
      Set.of("GEOHASH", "GEOPOS", "GEODIST", "LPUSH", "RPUSH", "SREM", "ZREM", "SADD");

  /**
   * The commands of {@code query}, upper-cased, e.g. {@code "SET EXPIRE"} or {@code "MULTI SET SET
   * ..."}.
   */
  public String quantize(String query) {
    if (query == null) {
      return "";
    }
    StringBuilder resource = new StringBuilder();
    boolean truncated = false;
    int commands = 0;
    for (String rawLine : query.split("\n", -1)) {
      if (commands >= MAX_COMMANDS) {
        break;
      }
      String[] words = rawLine.trim().split("\\s+", 3);
      if (words[0].isEmpty()) {
        continue;
      }
      if (words[0].endsWith(TRUNCATION_MARK)) {
        truncated = true;
        continue;
      }
      String command = words[0].toUpperCase(Locale.ROOT);
      if (COMPOUND.contains(command) && words.length > 1) {
        if (words[1].endsWith(TRUNCATION_MARK)) {
          truncated = true;
          continue;
        }
        command += " " + words[1].toUpperCase(Locale.ROOT);
      }
      resource.append(' ').append(command);
      commands++;
      truncated = false;
    }
    if (commands == MAX_COMMANDS || truncated) {
      resource.append(" ...");
    }
    return resource.toString().trim();
  }

  /** {@code command} with its sensitive arguments replaced by {@code ?}, one command per line. */
  public String obfuscate(String command) {
    if (command == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (List<String> words : RedisCommands.split(command)) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(words.get(0));
      List<String> args = new ArrayList<>(words.subList(1, words.size()));
      if (!args.isEmpty()) {
        out.append(' ')
            .append(String.join(" ", obfuscateArgs(words.get(0).toUpperCase(Locale.ROOT), args)));
      }
    }
    return out.toString();
  }

  private static List<String> obfuscateArgs(String cmd, List<String> args) {
    if (cmd.equals("AUTH")) {
      return List.of("?");
    } else if (SECOND_ARG.contains(cmd)) {
      replace(args, 1);
    } else if (THIRD_ARG.contains(cmd)) {
      replace(args, 2);
    } else if (cmd.equals("LINSERT")) {
      replace(args, 3);
    } else if (ALL_BUT_KEY.contains(cmd)) {
      return args.size() > 1 ? List.of(args.get(0), "?") : args;
    } else if (cmd.equals("GEOADD")) {
      replaceEvery(args, 1, 3);
    } else if (cmd.equals("HSET") || cmd.equals("HMSET")) {
      replaceEvery(args, 1, 2);
    } else if (cmd.equals("MSET") || cmd.equals("MSETNX")) {
      replaceEvery(args, 0, 2);
    } else if (cmd.equals("CONFIG")) {
      if (args.get(0).equalsIgnoreCase("SET")) {
        replace(args, 2);
      }
    } else if (cmd.equals("BITFIELD")) {
      bitfield(args);
    } else if (cmd.equals("ZADD")) {
      int i = 1;
      while (i < args.size() && Set.of("NX", "XX", "CH", "INCR").contains(args.get(i))) {
        i++;
      }
      replaceEvery(args, i, 2);
    }
    return args;
  }

  private static void bitfield(List<String> args) {
    int set = -1;
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equalsIgnoreCase("SET")) {
        set = i;
      }
      if (set > 0 && i - set == 3) {
        args.set(i, "?");
        return;
      }
    }
  }

  private static void replace(List<String> args, int index) {
    if (args.size() > index) {
      args.set(index, "?");
    }
  }

  private static void replaceEvery(List<String> args, int start, int step) {
    for (int i = start + step - 1; i < args.size(); i += step) {
      args.set(i, "?");
    }
  }
}
