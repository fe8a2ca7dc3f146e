package dev.tracehouse.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tracehouse.model.TraceId;
import dev.tracehouse.query.stats.ServiceStats;
import dev.tracehouse.query.stats.StatsConfig;
import dev.tracehouse.store.memory.InMemorySpanStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The service list, a service page and the service map in headless Chromium, over {@link
 * CafeStats}; the server's clock stands ten minutes after them, so "Past hour" holds them.
 */
class ServicesUiIT {

  private final InMemorySpanStore store = new InMemorySpanStore();
  private WebServer server;
  private ChromeDriver browser;
  private String base;

  @BeforeEach
  void start(@TempDir Path profile) {
    store.writer().write(TestTraces.cafePairing(TraceId.ofLow(7), 1));
    CafeStats.writeTo(store.stats().orElseThrow(), TestTraces.T0);
    ServiceStats stats =
        new ServiceStats(store.stats().orElseThrow().reader(), StatsConfig.defaults());
    Clock clock = Clock.fixed(Instant.ofEpochMilli(CafeStats.T0_MS + 600_000), ZoneOffset.UTC);
    server =
        WebServer.start(
            new WebConfig("127.0.0.1", 0), store.reader(), Map::of, Optional.of(stats), clock);
    browser = HeadlessChromium.start(profile);
    base = "http://127.0.0.1:" + server.port() + "/";
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    server.close();
    store.close();
  }

  @Test
  void serviceList_opensTheServicePageWithChartsAndTables() {
    browser.get(base);
    browser.findElement(By.linkText("Services")).click();

    WebElement taster = waitFor(By.cssSelector("tr[data-service='taster']"));
    assertThat(taster.getText()).contains("taster", "24", "6", "25 %", "101.0 ms", "109.4 ms");
    WebElement cafe = waitFor(By.cssSelector("tr[data-service='cafe']"));
    assertThat(cafe.getText()).contains("cafe", "6", "0 %", "1.00");
    HeadlessChromium.screenshot(browser, "service-list");

    cafe.click();
    WebElement stats = waitFor(By.cssSelector("#service-stats [data-stat='Requests']"));
    assertThat(stats.getText()).contains("6");
    waitFor(By.cssSelector("#chart-requests canvas"));
    waitFor(By.cssSelector("#chart-latency canvas"));
    waitFor(By.cssSelector("#chart-distribution canvas"));
    assertThat(waitFor(By.cssSelector("tr[data-resource='GET /pair/beer']")).getText())
        .contains("6");
    assertThat(waitFor(By.cssSelector("tr[data-callee='taster']")).getText())
        .contains("24", "96.5 %");
    assertThat(browser.findElement(By.id("operation-filter")).getText()).contains("web.request");
    HeadlessChromium.screenshot(browser, "service-page");
    browser.executeScript("document.getElementById('chart-distribution').scrollIntoView()");
    HeadlessChromium.screenshot(browser, "service-page-tables");

    browser.findElement(By.cssSelector("tr[data-callee='taster'] a")).click();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> browser.findElement(By.cssSelector("#service-header h1")).getText(),
            "taster"::equals);
  }

  @Test
  void serviceMap_drawsServicesAndTheirCalls() {
    browser.get(base + "#/service-map");

    assertThat(waitFor(By.cssSelector("g[data-service='cafe']")).getText()).contains("6 req");
    assertThat(waitFor(By.cssSelector("g[data-edge='cafe>taster']")).getText())
        .contains("24 calls");
    HeadlessChromium.screenshot(browser, "service-map");

    browser.findElement(By.cssSelector("g[data-service='taster']")).click();
    waitFor(By.cssSelector("#service-stats [data-stat='Errors']"));
    assertThat(browser.getCurrentUrl()).endsWith("#/services/taster");
  }

  private WebElement waitFor(By locator) {
    return await()
        .atMost(Duration.ofSeconds(15))
        .ignoreExceptions()
        .until(() -> browser.findElement(locator), e -> e != null && e.isDisplayed());
  }
}
