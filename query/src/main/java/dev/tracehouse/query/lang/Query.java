package dev.tracehouse.query.lang;

import dev.tracehouse.store.IpAddresses;
import java.util.List;

/**
 * The syntax tree of a search query ({@code spec/search-syntax.md}). Value groups are already
 * distributed ({@code service:(a OR b)} is {@code service:a OR service:b}); what a key means for
 * spans or logs is decided later, when the tree is bound to an event kind.
 */
public sealed interface Query {

  /** Every operand holds. */
  record And(List<Query> operands) implements Query {
    public And {
      operands = List.copyOf(operands);
    }
  }

  /** Some operand holds. */
  record Or(List<Query> operands) implements Query {
    public Or {
      operands = List.copyOf(operands);
    }
  }

  /** The operand does not hold. */
  record Not(Query operand) implements Query {}

  /** The empty query or {@code *}: everything matches. */
  record MatchAll() implements Query {}

  /** A bare word or phrase: free text ({@code hello}, {@code "hello world"}, {@code web*}). */
  record FreeText(Value.Match value) implements Query {}

  /** {@code *:term}: the message and every string attribute (logs only). */
  record FullText(Value.Match value, int offset) implements Query {}

  /** {@code key:value}. */
  record Term(Key key, Value value) implements Query {}

  /** {@code CIDR(@path, block, ...)}. */
  record Cidr(String path, List<IpAddresses.Range> blocks, int offset) implements Query {
    public Cidr {
      blocks = List.copyOf(blocks);
    }
  }

  /**
   * The key of a term.
   *
   * @param name the key with escapes resolved; for attributes the dotted path without {@code @}
   * @param attribute whether it was written with {@code @} (or is the target of {@code _exists_})
   * @param offset where the key starts in the query
   */
  record Key(String name, boolean attribute, int offset) {
    /** {@code @duration}: the one built-in measure with a time unit (nanoseconds). */
    public boolean hasTimeUnit() {
      return attribute && name.equals("duration");
    }
  }
}
