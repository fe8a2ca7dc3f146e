package dev.tracehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Acceptance: in headless Chromium, the trace list shows the pairing trace, and its trace view
 * shows the waterfall with cafe and taster spans. Saves {@code docs/screenshots/trace-view.png}.
 */
@ExtendWith(DemoStackExtension.class)
class TraceViewBrowserIT {
  private WebDriver browser;
  private Path profile;

  @BeforeEach
  void openBrowser() throws IOException {
    profile = Files.createTempDirectory("tracehouse-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,900",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void closeBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void traceList_opensWaterfallWithCafeAndTasterSpans(DemoStack demo) throws IOException {
    assertThat(Http.get(demo.cafe("/pair/beer?name=ipa")).status()).isEqualTo(200);
    String traceId = DemoTraces.awaitSuccessfulPairing(demo).get(0).path("traceId").asText();

    browser.get(demo.web("/"));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    By row = By.cssSelector("[data-trace-id='" + traceId + "']");
    wait.until(ExpectedConditions.elementToBeClickable(row)).click();

    wait.until(
        d -> !d.findElements(By.cssSelector("[data-span-id][data-service='taster']")).isEmpty());
    List<WebElement> cafeRows =
        browser.findElements(By.cssSelector("[data-span-id][data-service='cafe']"));
    List<WebElement> tasterRows =
        browser.findElements(By.cssSelector("[data-span-id][data-service='taster']"));
    assertThat(cafeRows).isNotEmpty();
    assertThat(tasterRows).hasSizeGreaterThanOrEqualTo(4);
    assertThat(browser.getPageSource()).contains("best_match").contains("GET /pair/beer");

    tasterRows.get(0).click();
    WebElement details =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("span-details")));
    assertThat(details.getText()).contains("taster").contains("GET /taste");
    assertThat(details.getText().lines()).doesNotContain("null", "undefined");

    Path shot = demo.home.resolve("docs/screenshots/trace-view.png");
    Files.createDirectories(shot.getParent());
    File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(png.toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
    assertThat(Files.size(shot)).isGreaterThan(10_000);
  }
}
