package dev.tracehouse.store;

import static dev.tracehouse.store.TestStats.edge;
import static dev.tracehouse.store.TestStats.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatsQueryTest {

  @Test
  void constructor_rejectsFromAfterToNamingBoth() {
    assertThatThrownBy(() -> StatsQuery.between(20, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("from (20) is after to (10)");
    assertThatThrownBy(() -> ServiceMapQuery.between(20, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("from (20) is after to (10)");
  }

  @Test
  void constructor_readsNullFiltersAsAny() {
    StatsQuery query = new StatsQuery(0, 1, null, null, null);

    assertThat(query.env()).isEmpty();
    assertThat(query.matches(group("prod", "cafe", "r", 1).key())).isTrue();
    assertThat(new ServiceMapQuery(0, 1, null, null).service()).isEmpty();
  }

  @Test
  void with_nullRemovesTheFilter() {
    StatsQuery query = StatsQuery.between(0, 1).withService("cafe").withService(null);

    assertThat(query.service()).isEmpty();
  }

  @Test
  void includesBucket_fromInclusiveToExclusive() {
    StatsQuery query = StatsQuery.between(10, 20);

    assertThat(query.includesBucket(9)).isFalse();
    assertThat(query.includesBucket(10)).isTrue();
    assertThat(query.includesBucket(20)).isFalse();
    assertThat(ServiceMapQuery.between(10, 20).includesBucket(19)).isTrue();
  }

  @Test
  void matches_emptyEnvIsAValueNotAWildcard() {
    StatsQuery query = StatsQuery.between(0, 1).withEnv("");

    assertThat(query.env()).isEqualTo(Optional.of(""));
    assertThat(query.matches(group("", "cafe", "r", 1).key())).isTrue();
    assertThat(query.matches(group("prod", "cafe", "r", 1).key())).isFalse();
  }

  @Test
  void matches_serviceMapServiceAtEitherEnd() {
    ServiceMapQuery query = ServiceMapQuery.between(0, 1).withService("taster");

    assertThat(query.matches(edge("prod", "cafe", "taster", 1))).isTrue();
    assertThat(query.matches(edge("prod", "taster", "redis", 1))).isTrue();
    assertThat(query.matches(edge("prod", "cafe", "redis", 1))).isFalse();
  }
}
