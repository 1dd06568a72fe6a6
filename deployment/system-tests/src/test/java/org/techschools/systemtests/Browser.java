package org.techschools.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through chromium-driver, as a person at a 1366×768 screen (or a phone) would use
 * the console. The binaries are Debian's ({@code chromium}, {@code chromium-driver}); nothing is downloaded.
 */
final class Browser implements AutoCloseable {

    static final Dimension DESKTOP = new Dimension(1366, 768);
    static final Dimension PHONE = new Dimension(390, 844);
    private static final Path SCREENSHOTS = Path.of("target/screenshots").toAbsolutePath();

    final ChromeDriver driver;
    private final Path profile;

    Browser(Dimension size) {
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"))
                // Root in CI needs --no-sandbox; the others keep Chromium off the network this machine does not have.
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                        "--lang=zh-CN", "--user-data-dir=" + profile, "--window-size=" + size.width + "," + size.height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    void open(String url) {
        driver.get(url);
    }

    /** Signs in on a service's demo sign-in page as a person of this role would, and lands on the role's first page. */
    void signIn(String serviceUrl, String role, String school, String region) {
        open(serviceUrl + "/console/sign-in");
        new Select(driver.findElement(By.id("role"))).selectByValue(role);
        if (school != null) {
            driver.findElement(By.id("school")).sendKeys(school);
        }
        if (region != null) {
            driver.findElement(By.id("region")).sendKeys(region);
        }
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUntil(Duration.ofSeconds(10), () -> !driver.getCurrentUrl().contains("/console/sign-in"));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    String html() {
        return driver.getPageSource();
    }

    /** Waits for what the person should see; when it does not come, the page they saw is kept and named. */
    void waitUntil(Duration within, java.util.function.BooleanSupplier condition) {
        try {
            new WebDriverWait(driver, within, Duration.ofMillis(50)).until(d -> condition.getAsBoolean());
        } catch (org.openqa.selenium.TimeoutException e) {
            Path shot = screenshot("timed-out-" + System.currentTimeMillis());
            String text = driver.findElement(By.tagName("body")).getText();
            throw new AssertionError("not seen within " + within + " on " + driver.getCurrentUrl() + " (" + shot + "):\n"
                    + text.substring(0, Math.min(text.length(), 1500)), e);
        }
    }

    /** A PNG of the whole page (the window stretched to the page's height) under target/screenshots for reviewers. */
    Path screenshot(String name) {
        Dimension before = driver.manage().window().getSize();
        long height = ((Number) ((JavascriptExecutor) driver).executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")).longValue();
        driver.manage().window().setSize(new Dimension(before.width, (int) Math.min(Math.max(height, before.height), 8000)));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp profile is harmless
        }
    }
}
