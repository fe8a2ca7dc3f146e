package dev.tracehouse.pipeline.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases modelled on the Datadog agent's documented SQL obfuscation examples (sql_test.go). */
class SqlObfuscatorTest {
  private final SqlObfuscator obfuscator = new SqlObfuscator();

  static Stream<Arguments> obfuscate_replacesLiteralsAndKeepsStructureCases() {
    return Stream.of(
        row(
            "SELECT username AS person FROM users WHERE id=4|SELECT username FROM users WHERE id = ?"),
        row(
            "SELECT * FROM users WHERE name = 'O''Brien' AND age > 30|SELECT * FROM users WHERE name = ? AND age > ?"),
        row("SELECT * FROM t WHERE s = 'it\\'s' LIMIT 10|SELECT * FROM t WHERE s = ? LIMIT ?"),
        row("SELECT * FROM users WHERE id IN (1, 2, 3)|SELECT * FROM users WHERE id IN ( ? )"),
        row("SELECT * FROM users WHERE id IN (?, ?, ?)|SELECT * FROM users WHERE id IN ( ? )"),
        row("SELECT * FROM users WHERE id IN ($1, $2)|SELECT * FROM users WHERE id IN ( ? )"),
        row(
            "INSERT INTO owners (created_at, first_name, locked, orders_count) VALUES ('2011-08-30 05:22:57', 'Andy', 1, NULL)"
                + "|INSERT INTO owners ( created_at, first_name, locked, orders_count ) VALUES ( ? )"),
        row(
            "UPDATE users SET name = 'bob', active = true WHERE id = -42|UPDATE users SET name = ? active = ? WHERE id = ?"),
        row("DELETE FROM t WHERE x = 0x1F OR y = 1.5e-3|DELETE FROM t WHERE x = ? OR y = ?"),
        row(
            "SELECT \"id\", `name` FROM \"school\" WHERE [kind] = X'AB'|SELECT id, name FROM school WHERE kind = ?"),
        row(
            "/* Multi-line\n comment */ SELECT * FROM clients -- trailing\n WHERE first_name = 'Andy'|SELECT * FROM clients WHERE first_name = ?"),
        row("# mysql comment\nSELECT 1|SELECT ?"),
        row("SELECT $func$INSERT INTO t VALUES ('a', 1)$func$ FROM users|SELECT ? FROM users"),
        row("SELECT $$text$$, @var, @@session.x FROM t;|SELECT ? FROM t"),
        row(
            "SELECT a::text, b->>'k' FROM t WHERE c := 5|SELECT a :: text, b ->> ? FROM t WHERE c := ?"),
        row(
            "SELECT * FROM (VALUES (1, 'dog')) AS d (id, animal)|SELECT * FROM ( VALUES ( ? ) ) ( id, animal )"),
        row(
            "SELECT clients.*, sf2.* FROM clients WHERE :name = owner|SELECT clients.*, sf2.* FROM clients WHERE :name = owner"),
        row(
            "SELECT Codi, Descripció_CAT AS Descripció FROM ProtValAptitud WHERE Vigent=1|SELECT Codi, Descripció_CAT FROM ProtValAptitud WHERE Vigent = ?"));
  }

  @ParameterizedTest
  @MethodSource("obfuscate_replacesLiteralsAndKeepsStructureCases")
  void obfuscate_replacesLiteralsAndKeepsStructure(String in, String out) {
    assertThat(obfuscator.obfuscate(in)).isEqualTo(out);
    assertThat(obfuscator.failures()).isZero();
  }

  @ParameterizedTest
  @CsvSource(
      quoteCharacter = '~',
      value = {
        "SELECT * FROM t WHERE a = 'unterminated",
        "SELECT /* open comment",
        "SELECT $x$ body",
        "-- only a comment"
      })
  void obfuscate_unparsable_fallsBackAndCounts(String in) {
    assertThat(obfuscator.obfuscate(in)).isEqualTo(SqlObfuscator.NON_PARSABLE);
    assertThat(obfuscator.failures()).isEqualTo(1);
  }

  @Test
  void obfuscate_neverThrows_onRandomText() {
    Random random = new Random(7);
    String alphabet = "SELECT 'x\"`[]$1@?:;,()-*/#\\\n\t0.5e-\uD83D\uDC36\uD800é";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int n = random.nextInt(60); n > 0; n--) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertThat(obfuscator.obfuscate(sb.toString())).isNotNull();
    }
  }

  /** One case written as {@code "input|expected"}. */
  private static Arguments row(String inAndOut) {
    int bar = inAndOut.lastIndexOf('|');
    return Arguments.of(inAndOut.substring(0, bar), inAndOut.substring(bar + 1));
  }
}
