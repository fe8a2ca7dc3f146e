package dev.tracehouse.query.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A value with wildcards: {@code *} (any run of characters) and {@code ?} (exactly one character),
 * anchored to the whole text. Escaped or quoted wildcards are literal text. Matching is
 * case-sensitive; {@link #lowerCase()} gives the pattern for lower-cased text.
 */
public final class Glob {

  /** A piece of a glob. */
  public sealed interface Part {}

  /** Literal text. */
  public record Text(String text) implements Part {}

  /** {@code *}: any run of characters, possibly empty. */
  public record AnyString() implements Part {}

  /** {@code ?}: exactly one character. */
  public record AnyChar() implements Part {}

  private final List<Part> parts;
  private final Pattern regex;

  private Glob(List<Part> parts) {
    this.parts = List.copyOf(parts);
    StringBuilder re = new StringBuilder();
    for (Part p : this.parts) {
      if (p instanceof Text t) {
        re.append(Pattern.quote(t.text()));
      } else if (p instanceof AnyString) {
        re.append(".*");
      } else {
        re.append('.');
      }
    }
    this.regex = Pattern.compile(re.toString(), Pattern.DOTALL);
  }

  /** A glob without wildcards. */
  public static Glob literal(String text) {
    return new Glob(text.isEmpty() ? List.of() : List.of(new Text(text)));
  }

  /** Builds a glob piece by piece, merging adjacent text. */
  static final class Builder {
    private final List<Part> parts = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    Builder text(String s) {
      text.append(s);
      return this;
    }

    Builder anyString() {
      return wildcard(new AnyString());
    }

    Builder anyChar() {
      return wildcard(new AnyChar());
    }

    private Builder wildcard(Part part) {
      flush();
      parts.add(part);
      return this;
    }

    Glob build() {
      flush();
      return new Glob(parts);
    }

    private void flush() {
      if (text.length() > 0) {
        parts.add(new Text(text.toString()));
        text.setLength(0);
      }
    }
  }

  public List<Part> parts() {
    return parts;
  }

  public boolean hasWildcards() {
    return parts.stream().anyMatch(p -> !(p instanceof Text));
  }

  /** Whether this is {@code *} alone. */
  public boolean isAnything() {
    return parts.size() == 1 && parts.get(0) instanceof AnyString;
  }

  /** The text of a glob without wildcards. */
  public String literal() {
    if (hasWildcards()) {
      throw new IllegalStateException("glob has wildcards: " + this);
    }
    return parts.isEmpty() ? "" : ((Text) parts.get(0)).text();
  }

  /** This glob with its literal text lower-cased ({@link Locale#ROOT}). */
  public Glob lowerCase() {
    List<Part> lower = new ArrayList<>();
    for (Part p : parts) {
      lower.add(p instanceof Text t ? new Text(t.text().toLowerCase(Locale.ROOT)) : p);
    }
    return new Glob(lower);
  }

  /** Whether the whole of {@code text} matches. */
  public boolean matches(String text) {
    return regex.matcher(text).matches();
  }

  /** The SQL {@code LIKE} pattern for {@code ESCAPE '\'}. */
  public String toLike() {
    StringBuilder like = new StringBuilder();
    for (Part p : parts) {
      if (p instanceof Text t) {
        for (char c : t.text().toCharArray()) {
          if (c == '\\' || c == '%' || c == '_') {
            like.append('\\');
          }
          like.append(c);
        }
      } else {
        like.append(p instanceof AnyString ? '%' : '_');
      }
    }
    return like.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Glob g && g.parts.equals(parts);
  }

  @Override
  public int hashCode() {
    return parts.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    for (Part p : parts) {
      s.append(p instanceof Text t ? t.text() : p instanceof AnyString ? "*" : "?");
    }
    return s.toString();
  }
}
