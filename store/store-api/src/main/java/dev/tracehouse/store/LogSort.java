package dev.tracehouse.store;

import java.util.Arrays;

/** The order of a log search: by timestamp, ties broken by the store's write sequence. */
public enum LogSort {
  TIMESTAMP_DESC("-timestamp"),
  TIMESTAMP_ASC("timestamp");

  private final String apiName;

  LogSort(String apiName) {
    this.apiName = apiName;
  }

  /** The name in the API: {@code timestamp}, or {@code -timestamp} for newest first. */
  public String apiName() {
    return apiName;
  }

  public boolean descending() {
    return this == TIMESTAMP_DESC;
  }

  /**
   * The sort named {@code name}.
   *
   * @throws IllegalArgumentException naming {@code sort} and the accepted values
   */
  public static LogSort parse(String name) {
    return Arrays.stream(values())
        .filter(s -> s.apiName.equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "sort: expected one of timestamp, -timestamp, got '" + name + "'"));
  }
}
