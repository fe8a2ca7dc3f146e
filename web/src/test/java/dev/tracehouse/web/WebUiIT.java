package dev.tracehouse.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tracehouse.model.Span;
import dev.tracehouse.model.TraceId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

class WebUiIT {

  /** 2^63 + 10: ids past the signed range must survive the round trip through JavaScript. */
  private static final long FIRST_SPAN_ID = Long.MIN_VALUE + 10;

  private final TraceId pairing = randomTraceId();
  private final TraceId orphaned = randomTraceId();
  private final FakeSpanReader reader = new FakeSpanReader();
  private WebServer server;
  private ChromeDriver browser;

  @BeforeEach
  void start(@TempDir Path profile) {
    reader.add(TestTraces.cafePairing(pairing, FIRST_SPAN_ID));
    reader.add(
        List.of(
            Span.builder()
                .traceId(orphaned)
                .spanId(42)
                .parentId(41)
                .service("taster")
                .name("web.request")
                .resource("GET /taste")
                .start(TestTraces.T0 - 60_000_000_000L)
                .duration(3_000_000)
                .build()));
    server = WebServer.start(new WebConfig("127.0.0.1", 0), reader, Map::of, TestTraces.CLOCK);
    browser = HeadlessChromium.start(profile);
    browser.get("http://127.0.0.1:" + server.port() + "/");
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    server.close();
  }

  @Test
  void traceList_opensWaterfallAndSpanDetails() {
    WebElement row = waitFor(By.cssSelector("tr[data-trace-id='" + pairing.toHex() + "']"));
    assertThat(row.getText()).contains("cafe", "GET /pair/beer", "480.00", "10");
    assertThat(row.getAttribute("class")).contains("has-error");
    HeadlessChromium.screenshot(browser, "trace-list");

    row.click();
    await().until(() -> spanRows().size() == 10);
    assertThat(spanRows())
        .extracting(r -> r.getAttribute("data-span-id"))
        .containsExactly(depthFirstIds());
    assertThat(browser.findElements(By.cssSelector(".wf-span[data-service='cafe']"))).hasSize(6);
    assertThat(browser.findElements(By.cssSelector(".wf-span[data-service='taster']"))).hasSize(4);
    List<WebElement> errors = browser.findElements(By.cssSelector(".wf-span.is-error"));
    assertThat(errors).singleElement().satisfies(e -> assertErrorRow(e));
    assertThat(browser.findElement(By.id("trace-header")).getText())
        .contains("GET /pair/beer", "480", "10");

    errors.get(0).click();
    WebElement details = browser.findElement(By.id("span-details"));
    await().until(() -> details.getText().contains("out of stock"));
    assertThat(details.getText())
        .contains("java.lang.IllegalStateException", "http.status_code", "500", "span.kind");
    assertThat(details.getText()).contains(Long.toUnsignedString(FIRST_SPAN_ID + 7));
    HeadlessChromium.screenshot(browser, "trace-view");

    spanRows().get(2).click();
    await().until(() -> details.getText().contains("peer.service"));
    assertThat(details.getText()).contains("client", "GET /taste").doesNotContain("out of stock");
  }

  @Test
  void traceView_showsSpanWithMissingParentAsRoot() {
    waitFor(By.cssSelector("tr[data-trace-id='" + orphaned.toHex() + "']")).click();
    WebElement row = waitFor(By.cssSelector(".wf-span[data-span-id='42']"));
    assertThat(row.getText()).contains("taster", "web.request", "orphan");
  }

  private void assertErrorRow(WebElement row) {
    assertThat(row.getAttribute("data-service")).isEqualTo("taster");
    assertThat(row.getText()).contains("error");
    assertThat(row.getCssValue("background-color")).isEqualTo("rgba(255, 241, 240, 1)");
  }

  /** root, best_match, then each client span followed by its taster child. */
  private static String[] depthFirstIds() {
    String[] ids = new String[10];
    for (int i = 0; i < 10; i++) {
      ids[i] = Long.toUnsignedString(FIRST_SPAN_ID + i);
    }
    return ids;
  }

  private List<WebElement> spanRows() {
    return browser.findElements(By.cssSelector(".wf-span"));
  }

  private WebElement waitFor(By locator) {
    return await()
        .atMost(Duration.ofSeconds(15))
        .ignoreExceptions()
        .until(() -> browser.findElement(locator), e -> e != null);
  }

  private static TraceId randomTraceId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return new TraceId(random.nextLong(), random.nextLong());
  }
}
