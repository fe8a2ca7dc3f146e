package dev.tracehouse.pipeline.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases from the Datadog agent's documented Redis obfuscation examples (redis_test.go). */
class RedisObfuscatorTest {
  private final RedisObfuscator redis = new RedisObfuscator();

  static Stream<Arguments> quantize_keepsAtMostThreeCommandsCases() {
    return Stream.of(
        row("CLIENT|CLIENT"),
        row("CLIENT LIST|CLIENT LIST"),
        row("get my_key|GET"),
        row("SET le_key le_value|SET"),
        row("\n\n  \nSET foo bar  \n  \n\n  |SET"),
        row("CONFIG SET parameter value|CONFIG SET"),
        row("SET toto tata \n \n  EXPIRE toto 15  |SET EXPIRE"),
        row("MULTI\nSET k1 v1\nSET k2 v2\nSET k3 v3\nDEL to_del\nEXEC|MULTI SET SET ..."),
        row("GET...|..."),
        row("GET k...|GET"),
        row("GET k1\nGET k2\nG...|GET GET ..."),
        row("GET k...\nDE...\nMS...|GET ..."),
        row("GET k1\nDE...\nGET k2|GET GET"),
        row("UNKNOWN 123|UNKNOWN"));
  }

  @ParameterizedTest
  @MethodSource("quantize_keepsAtMostThreeCommandsCases")
  void quantize_keepsAtMostThreeCommands(String in, String out) {
    assertThat(redis.quantize(in)).isEqualTo(out);
  }

  static Stream<Arguments> obfuscate_hidesValuesAndKeepsKeysCases() {
    return Stream.of(
        row("AUTH my-secret-password|AUTH ?"),
        row("AUTH james my-secret-password|AUTH ?"),
        row("AUTH|AUTH"),
        row("SET key value|SET key ?"),
        row("SET key value EX 10 NX|SET key ? EX 10 NX"),
        row("set key \"a quoted value\" EX 5|set key ? EX 5"),
        row("GETSET key value|GETSET key ?"),
        row("HSET key field value|HSET key field ?"),
        row("HSET key field1 value field2 value|HSET key field1 ? field2 ?"),
        row(
            "HMSET key field value \n HMSET key field value\n\n |HMSET key field ?\nHMSET key field ?"),
        row("SETEX key seconds value|SETEX key seconds ?"),
        row("LINSERT key BEFORE pivot value|LINSERT key BEFORE pivot ?"),
        row("LPUSH key value value2|LPUSH key ?"),
        row("SADD key member|SADD key ?"),
        row(
            "GEOADD key longitude latitude member longitude latitude member|GEOADD key longitude latitude ? longitude latitude ?"),
        row("MSET key value key value|MSET key ? key ?"),
        row("ZADD key NX CH score member score member|ZADD key NX CH score ? score ?"),
        row("CONFIG SET parameter value|CONFIG SET parameter ?"),
        row("CONFIG foo bar baz|CONFIG foo bar baz"),
        row(
            "BITFIELD key GET type offset SET type offset value INCRBY type|BITFIELD key GET type offset SET type offset ? INCRBY type"),
        row("GET key\nDEL key2|GET key\nDEL key2"));
  }

  @ParameterizedTest
  @MethodSource("obfuscate_hidesValuesAndKeepsKeysCases")
  void obfuscate_hidesValuesAndKeepsKeys(String in, String out) {
    assertThat(redis.obfuscate(in)).isEqualTo(out);
  }

  /** One case written as {@code "input|expected"}. */
  private static Arguments row(String inAndOut) {
    int bar = inAndOut.lastIndexOf('|');
    return Arguments.of(inAndOut.substring(0, bar), inAndOut.substring(bar + 1));
  }
}
