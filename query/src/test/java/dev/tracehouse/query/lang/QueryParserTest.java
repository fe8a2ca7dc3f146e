package dev.tracehouse.query.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryParserTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a b OR c                 | (OR (AND text:'a' text:'b') text:'c')",
        "a OR b c                 | (OR text:'a' (AND text:'b' text:'c'))",
        "a AND b OR c AND d       | (OR (AND text:'a' text:'b') (AND text:'c' text:'d'))",
        "NOT a b                  | (AND (NOT text:'a') text:'b')",
        "-a b                     | (AND (NOT text:'a') text:'b')",
        "NOT (a OR b)             | (NOT (OR text:'a' text:'b'))",
        "NOT(a)                   | (NOT text:'a')",
        "-(a b)                   | (NOT (AND text:'a' text:'b'))",
        "(a OR b) c               | (AND (OR text:'a' text:'b') text:'c')",
        "((a))                    | text:'a'",
        "NOT NOT a                | (NOT (NOT text:'a'))",
        "a and b or c             | (AND text:'a' text:'and' text:'b' text:'or' text:'c')",
        "not a                    | (AND text:'not' text:'a')",
        "'  a  '                  | text:'a'",
      })
  void parse_precedenceAndKeywords(String query, String expected) {
    assertThat(Render.of(query.replace("'  a  '", "  a  "))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "service:web-store        | service='web-store'",
        "service:web\\-store      | service='web-store'",
        "service:-web             | service='-web'",
        "resource_name:GET\\ /c*  | resource_name='GET /c*'",
        "@http.url:*user\\=Jane*  | @http.url='*user=Jane*'",
        "@my_attribute:hello\\:w  | @my_attribute='hello:w'",
        "@user.first\\ name:Jane  | @user.first name='Jane'",
        "@service\\.status:x      | @service.status='x'",
        "\"service.status\":x     | service.status='x'",
        "a\\*b                    | text:'a*b'",
        "\\AND                    | text:'AND'",
        "http.method:GET          | http.method='GET'",
        "key:caf\\é               | key='café'",
      })
  void parse_escapesAndKeys(String query, String expected) {
    assertThat(Render.of(query)).isEqualTo(expected);
  }

  @Test
  void parse_escapedWildcardIsLiteralButPlainOneIsNot() {
    Query.Term escaped = (Query.Term) QueryParser.parse("a:x\\*");
    Query.Term wild = (Query.Term) QueryParser.parse("a:x*");

    assertThat(((Value.Match) escaped.value()).glob().hasWildcards()).isFalse();
    assertThat(((Value.Match) wild.value()).glob().hasWildcards()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"hello world\"          | text:\"hello world\"",
        "\"*test*\"               | text:\"*test*\"",
        "\"say \\\"hi\\\" \\\\ \" | text:\"say \"hi\" \\ \"",
        "key:\"a b\"              | key=\"a b\"",
        "key:\"500\"              | key=\"500\"",
        "*:hello*                 | fulltext:'hello*'",
        "*:\"hello world\"        | fulltext:\"hello world\"",
        "*                        | ALL",
        "''                       | ALL",
      })
  void parse_phrasesAndSpecialTerms(String query, String expected) {
    assertThat(Render.of(query)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "@duration:>100ms         | @duration=>1.0E8",
        "@duration:>=1.5s         | @duration=>=1.5E9",
        "@duration:<50us          | @duration=<50000.0",
        "@duration:<50µs          | @duration=<50000.0",
        "@duration:<=2m           | @duration=<=1.2E11",
        "@duration:>1h            | @duration=>3.6E12",
        "@duration:>7ns           | @duration=>7.0",
        "@duration:100000000      | @duration='100000000'#1.0E8",
        "@duration:100ms          | @duration='100ms'#1.0E8",
        "@http.status_code:500    | @http.status_code='500'#500.0",
        "@http.status_code:5ms    | @http.status_code='5ms'",
        "@temp:-5                 | @temp='-5'#-5.0",
        "@x:>-2.5e3               | @x=>-2500.0",
        "@x:.5                    | @x='.5'#0.5",
        "@x:5*                    | @x='5*'",
      })
  void parse_numbersAndUnits(String query, String expected) {
    assertThat(Render.of(query)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "@f:[1 TO 2]              | @f=[1.0..2.0]",
        "@f:{1 TO 2}              | @f={1.0..2.0}",
        "@f:[1 TO 2}              | @f=[1.0..2.0}",
        "@f:{1 TO 2]              | @f={1.0..2.0]",
        "@f:[* TO 2]              | @f=[*..2.0]",
        "@f:[1 TO *]              | @f=[1.0..*]",
        "@f:[ 1 TO 2 ]            | @f=[1.0..2.0]",
        "@duration:[1s TO 2s]     | @duration=[1.0E9..2.0E9]",
        "@f:[-5 TO -1]            | @f=[-5.0..-1.0]",
      })
  void parse_ranges(String query, String expected) {
    assertThat(Render.of(query)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "service:(a OR b)         | (OR service='a' service='b')",
        "service:(a b)            | (AND service='a' service='b')",
        "service:(a AND b)        | (AND service='a' service='b')",
        "service:(NOT a)          | (NOT service='a')",
        "service:(-a OR b)        | (OR (NOT service='a') service='b')",
        "@t:(-5 OR 6)             | (OR @t='-5'#-5.0 @t='6'#6.0)",
        "env:(prod OR (a b))      | (OR env='prod' (AND env='a' env='b'))",
        "@f:(>5 OR [1 TO 2])      | (OR @f=>5.0 @f=[1.0..2.0])",
        "x:(\"a b\" OR c*)        | (OR x=\"a b\" x='c*')",
        "service:*                | service=EXISTS",
        "_exists_:http.url        | @http.url=EXISTS",
        "_exists_:@http.url       | @http.url=EXISTS",
        "CIDR(@ip, 13.0.0.0/8, ::1) | cidr(@ip,2)",
      })
  void parse_valueGroupsAndFunctions(String query, String expected) {
    assertThat(Render.of(query)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "service:                 | 8  | expected value after ':'",
        "service: x               | 8  | expected value after ':'",
        "(status:error            | 0  | unbalanced '('",
        "a)                       | 1  | unbalanced ')'",
        "@duration:>fast          | 11 | expected a number",
        "@http.status_code:>5ms   | 19 | which has no time unit",
        "@duration:>5MS           | 11 | expected a number",
        "@duration:>5y            | 11 | unknown unit 'y'",
        "\"unterminated           | 0  | unterminated",
        "@dur*:1                  | 4  | wildcards are not allowed",
        "serv*:x                  | 0  | wildcards are not allowed in keys",
        "a AND                    | 5  | expected a term after AND",
        "a OR                     | 4  | expected a term after OR",
        "NOT                      | 3  | expected a term after NOT",
        "- a                      | 1  | expected a term after '-'",
        "OR a                     | 0  | keyword OR",
        "a TO b                   | 2  | keyword TO",
        "@f:[1 TO]                | 6  | expected ' TO '",
        "@f:[ TO 2]               | 5  | expected a number, got 'TO'",
        "@f:[1 to 2]              | 6  | expected ' TO '",
        "@f:[1 TO 2               | 10 | expected ']' or '}'",
        "@f:>                     | 4  | expected a number after '>'",
        "@x:a=b                   | 4  | unexpected '='",
        "@:x                      | 1  | expected an attribute name",
        "@a..b:x                  | 3  | empty segment",
        "@a                       | 2  | expected ':' after @a",
        "()                       | 1  | empty group",
        "x:()                     | 3  | empty value group",
        "a\\                      | 1  | escapes nothing",
        "“quoted”                 | 0  | unexpected '“'",
        "CIDR(@ip, nope)          | 10 | expected a CIDR block",
        "CIDR(@ip, 1.2.3.4/33)    | 10 | not a CIDR block",
        "CIDR(@ip)                | 8  | expected ', <CIDR block>'",
      })
  void parse_rejectsWithOffsets(String query, int offset, String reason) {
    assertThatThrownBy(() -> QueryParser.parse(query))
        .isInstanceOfSatisfying(
            QueryParseException.class,
            e -> {
              assertThat(e.offset()).isEqualTo(offset);
              assertThat(e.reason()).contains(reason);
              assertThat(e.getMessage()).endsWith(" at column " + offset);
            });
  }

  @Test
  void parse_capsLength() {
    assertThatThrownBy(() -> QueryParser.parse("a".repeat(QueryParser.MAX_LENGTH + 1)))
        .isInstanceOf(QueryParseException.class)
        .hasMessageContaining("longer than 4096");
    assertThat(Render.of("a".repeat(QueryParser.MAX_LENGTH))).startsWith("text:");
  }

  @Test
  void parse_capsNestingWithoutOverflowingTheStack() {
    String deep = "(".repeat(2000) + "a" + ")".repeat(2000);
    String negations = "NOT ".repeat(1000) + "a";
    String minus = "-".repeat(4000) + "a";
    String values = "k:" + "(".repeat(2000) + "a" + ")".repeat(2000);

    for (String q : new String[] {deep, negations, minus, values}) {
      assertThatThrownBy(() -> QueryParser.parse(q))
          .isInstanceOf(QueryParseException.class)
          .hasMessageContaining("deeper than 64");
    }
    String ok = "(".repeat(63) + "a" + ")".repeat(63);
    assertThat(Render.of(ok)).isEqualTo("text:'a'");
  }

  @Test
  void parse_longFlatQueriesAreFine() {
    String many = "a ".repeat(2000);
    String ors = "a OR ".repeat(800) + "a";

    assertThat(QueryParser.parse(many)).isInstanceOf(Query.And.class);
    assertThat(((Query.Or) QueryParser.parse(ors)).operands()).hasSize(801);
  }
}
