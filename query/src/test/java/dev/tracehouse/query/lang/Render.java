package dev.tracehouse.query.lang;

import java.util.List;
import java.util.stream.Collectors;

/** A compact text form of a {@link Query}, for assertions. */
final class Render {

  private Render() {}

  static String of(String query) {
    return of(QueryParser.parse(query));
  }

  static String of(Query q) {
    if (q instanceof Query.And and) {
      return "(AND " + all(and.operands()) + ")";
    }
    if (q instanceof Query.Or or) {
      return "(OR " + all(or.operands()) + ")";
    }
    if (q instanceof Query.Not not) {
      return "(NOT " + of(not.operand()) + ")";
    }
    if (q instanceof Query.MatchAll) {
      return "ALL";
    }
    if (q instanceof Query.FreeText text) {
      return "text:" + value(text.value());
    }
    if (q instanceof Query.FullText text) {
      return "fulltext:" + value(text.value());
    }
    if (q instanceof Query.Cidr cidr) {
      return "cidr(@" + cidr.path() + "," + cidr.blocks().size() + ")";
    }
    Query.Term term = (Query.Term) q;
    return (term.key().attribute() ? "@" : "") + term.key().name() + "=" + value(term.value());
  }

  private static String all(List<Query> operands) {
    return operands.stream().map(Render::of).collect(Collectors.joining(" "));
  }

  private static String value(Value v) {
    if (v instanceof Value.Exists) {
      return "EXISTS";
    }
    if (v instanceof Value.Compare c) {
      return c.op().symbol() + c.number();
    }
    if (v instanceof Value.Range r) {
      return (r.lowInclusive() ? "[" : "{")
          + (r.low().isPresent() ? r.low().getAsDouble() : "*")
          + ".."
          + (r.high().isPresent() ? r.high().getAsDouble() : "*")
          + (r.highInclusive() ? "]" : "}");
    }
    Value.Match m = (Value.Match) v;
    String text = m.phrase() ? "\"" + m.glob() + "\"" : "'" + m.glob() + "'";
    return text + (m.number().isPresent() ? "#" + m.number().getAsDouble() : "");
  }
}
