package dev.tracehouse.tracer.core.jdbc;

import java.util.Locale;

/**
 * What a connection's URL and user say about the database, as the span tags need it.
 *
 * @param type the URL's sub-protocol ({@code sqlite}, {@code postgresql}), lower case; {@code jdbc}
 *     when unknown
 * @param instance the database name or file, or {@code null}
 * @param user the connection's user, or {@code null}
 * @param host the server's host, or {@code null} (embedded databases)
 * @param port the server's port, or 0 when the URL names none
 * @param operation the span's operation name, {@code <type>.query} (built once per connection)
 */
record DbInfo(String type, String instance, String user, String host, int port, String operation) {

  /** For a connection whose URL could not be read. */
  static final DbInfo UNKNOWN = new DbInfo("jdbc", null, null, null, 0);

  private static final String PREFIX = "jdbc:";

  DbInfo(String type, String instance, String user, String host, int port) {
    this(type, instance, user, host, port, type + ".query");
  }

  /**
   * Parses {@code jdbc:<type>://host[:port][/database][?params]} and {@code jdbc:<type>:<rest>}
   * (embedded databases: the rest, without parameters, is the instance). The user comes from the
   * metadata when it has one, else from a {@code user=} parameter. Never throws.
   */
  static DbInfo parse(String url, String metadataUser) {
    if (url == null || !url.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return UNKNOWN.withUser(metadataUser);
    }
    int typeEnd = url.indexOf(':', PREFIX.length());
    if (typeEnd <= PREFIX.length()) {
      return UNKNOWN.withUser(metadataUser);
    }
    String type = url.substring(PREFIX.length(), typeEnd).toLowerCase(Locale.ROOT);
    String rest = url.substring(typeEnd + 1);
    int paramsAt = firstOf(rest, "?;", 0);
    String params = paramsAt < 0 ? "" : rest.substring(paramsAt + 1);
    String user = blankToNull(metadataUser);
    if (user == null) {
      user = parameter(params, "user");
    }
    String location = paramsAt < 0 ? rest : rest.substring(0, paramsAt);
    if (!location.startsWith("//")) {
      return new DbInfo(type, blankToNull(location), user, null, 0);
    }
    int pathAt = location.indexOf('/', 2);
    String authority = location.substring(2, pathAt < 0 ? location.length() : pathAt);
    String database = pathAt < 0 ? null : blankToNull(location.substring(pathAt + 1));
    if (database == null) {
      database = parameter(params, "databaseName");
    }
    return withAuthority(type, database, user, authority.substring(authority.indexOf('@') + 1));
  }

  private static DbInfo withAuthority(String type, String database, String user, String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    boolean hasPort = colon > 0 && colon > hostPort.lastIndexOf(']');
    String host = hasPort ? hostPort.substring(0, colon) : hostPort;
    int port = hasPort ? portOf(hostPort.substring(colon + 1)) : 0;
    return new DbInfo(type, database, user, blankToNull(host), port);
  }

  DbInfo withUser(String newUser) {
    String cleanUser = blankToNull(newUser);
    return cleanUser == null ? this : new DbInfo(type, instance, cleanUser, host, port);
  }

  private static int portOf(String text) {
    try {
      int port = Integer.parseInt(text);
      return port > 0 && port <= 65535 ? port : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The value of {@code name=value} among {@code &}- or {@code ;}-separated parameters. */
  private static String parameter(String params, String name) {
    int start = 0;
    while (start < params.length()) {
      int end = firstOf(params, "&;", start);
      String pair = params.substring(start, end < 0 ? params.length() : end);
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).trim().equalsIgnoreCase(name)) {
        return blankToNull(pair.substring(equals + 1));
      }
      if (end < 0) {
        break;
      }
      start = end + 1;
    }
    return null;
  }

  private static int firstOf(String text, String chars, int from) {
    for (int i = from; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
