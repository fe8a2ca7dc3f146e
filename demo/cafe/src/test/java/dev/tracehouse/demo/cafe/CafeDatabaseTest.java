package dev.tracehouse.demo.cafe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CafeDatabaseTest {

  @TempDir Path dir;

  @Test
  void open_createsParentDirectoriesAndSeedsTheMenu() {
    Path file = dir.resolve("a/b/cafe.db");

    try (CafeDatabase database = CafeDatabase.open(file)) {
      assertThat(file).exists();
      assertThat(database.beers()).containsExactlyElementsOf(CafeDatabase.SEED_BEERS);
      assertThat(database.donuts()).containsExactlyElementsOf(CafeDatabase.SEED_DONUTS);
    }
  }

  @Test
  void open_isIdempotentOnAnExistingFile() {
    Path file = dir.resolve("cafe.db");
    CafeDatabase.open(file).close();

    try (CafeDatabase database = CafeDatabase.open(file)) {
      assertThat(database.beers()).hasSize(4);
      assertThat(database.donuts()).hasSize(4);
    }
  }

  @Test
  void beer_findsByExactName() {
    try (CafeDatabase database = CafeDatabase.open(dir.resolve("cafe.db"))) {
      assertThat(database.beer("stout")).contains(new Beer(4, "stout", 7));
      assertThat(database.beer("porter")).isEmpty();
      assertThat(database.beer("' OR '1'='1")).isEmpty();
    }
  }

  @Test
  void donut_findsByExactName() {
    try (CafeDatabase database = CafeDatabase.open(dir.resolve("cafe.db"))) {
      assertThat(database.donut("bavarian")).contains(new Donut(4, "bavarian", 8));
      assertThat(database.donut("Bavarian")).isEmpty();
    }
  }
}
