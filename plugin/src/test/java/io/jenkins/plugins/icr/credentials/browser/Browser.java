package io.jenkins.plugins.icr.credentials.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.jvnet.hudson.test.JenkinsRule;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for one test, driven through its chromedriver, with a fixed viewport and the light colour
 * scheme. After the test it fails on any error in the browser's console: a JavaScript error, a
 * Content-Security-Policy violation, a resource that did not load. Register it with {@code @RegisterExtension}
 * after {@code @WithJenkins}, so that the browser closes before Jenkins stops.
 *
 * <p>Without Chromium and chromedriver on the PATH the test is skipped with one loud line. When screenshots are
 * being regenerated ({@value #SCREENSHOTS_ENV} set), a missing browser fails the test instead: a regeneration that
 * silently produced nothing would leave the documentation's pictures stale.
 */
public final class Browser implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {
    /** The directory screenshots are written to, for the documentation: {@code docs/images} of the checkout. */
    public static final String SCREENSHOTS_ENV = "ICR_SCREENSHOTS";

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 1200;
    /**
     * Selenium looks for a DevTools module matching the browser's version and warns at every start when none is on
     * the classpath; these tests send their few DevTools commands through chromedriver and need none.
     */
    private static final Logger DEVTOOLS_LOOKUP = Logger.getLogger("org.openqa.selenium.devtools");

    static {
        DEVTOOLS_LOOKUP.setLevel(Level.SEVERE);
    }

    private ChromeDriver driver;
    private String testName;

    @Override
    public void beforeEach(ExtensionContext context) {
        testName = context.getRequiredTestClass().getSimpleName() + "."
                + context.getRequiredTestMethod().getName();
        Optional<Path> chromium = onPath("chromium", "chromium-browser", "google-chrome");
        Optional<Path> chromedriver = onPath("chromedriver");
        if (chromium.isEmpty() || chromedriver.isEmpty()) {
            String why = "no " + (chromium.isEmpty() ? "Chromium" : "chromedriver")
                    + " on the PATH; install both (Debian: apt-get install -y chromium chromium-driver)";
            if (System.getenv(SCREENSHOTS_ENV) != null) {
                fail("Cannot regenerate the screenshots: " + why);
            }
            System.err.println("SKIPPED browser test " + testName + ": " + why);
            Assumptions.abort(why);
        }
        driver = start(chromium.get(), chromedriver.get());
    }

    private static ChromeDriver start(Path chromium, Path chromedriver) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // --no-sandbox: containers and root users have no sandbox; the browser only visits the test's own Jenkins.
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--window-size=" + WIDTH + "," + HEIGHT,
                "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // The window size includes the browser's own frame, which differs between versions; pin the page's.
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", false));
        driver.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "light"))));
        return driver;
    }

    private static Optional<Path> onPath(String... names) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .flatMap(dir -> Stream.of(names).map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * Opens a page of this Jenkins and checks that it came with an enforced Content-Security-Policy, so that a
     * violation is blocked and reported in the console rather than only reported.
     */
    public void open(JenkinsRule j, String path) throws IOException {
        driver.get(j.getURL() + path);
        Object policy = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(location.href).then(r => done(r.headers.get('Content-Security-Policy')),"
                + " e => done(null));");
        assertTrue(
                policy instanceof String header && header.contains("script-src"),
                () -> "no enforced Content-Security-Policy on " + path + ": " + policy);
    }

    /** The first visible element matching, waiting for it. */
    public WebElement visible(By by) {
        return until(d -> d.findElements(by).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElse(null));
    }

    /** Waits until the condition returns something other than null or false. */
    public <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    /**
     * Sets a field of a Jenkins form, found by its name ({@code _.field}), as a person would: choosing in a list once
     * the list has that choice, typing into a box; then leaves the field, so that its checks run.
     */
    public void set(String field, String value) {
        WebElement control = visible(By.name("_." + field));
        if (control.getTagName().equals("select")) {
            until(d -> options(control).contains(value));
            new Select(control).selectByValue(value);
        } else {
            control.clear();
            control.sendKeys(value, Keys.TAB);
        }
    }

    /** What a field's check shows under the field, once it shows something. */
    public WebElement checkOf(String field) {
        WebElement item = visible(By.name("_." + field))
                .findElement(By.xpath("./ancestor::*[contains(@class, 'jenkins-form-item')][1]"));
        return until(d -> item.findElements(By.cssSelector(".validation-error-area")).stream()
                .filter(area -> !area.getText().isBlank())
                .findFirst()
                .orElse(null));
    }

    /** The values a list offers. */
    public static List<String> options(WebElement select) {
        return new Select(select)
                .getOptions().stream().map(o -> o.getDomProperty("value")).toList();
    }

    /** Clicks in the middle of the viewport, where Jenkins' sticky header and bottom bar cannot take the click. */
    public void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /**
     * Scrolls the element, inside whatever scrolls around it (a dialog, the page), to the middle of the view, clear of
     * sticky headers and button bars.
     */
    public void reveal(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    /**
     * A picture for the documentation of the smallest rectangle holding these elements (a page's title and its table,
     * say), without the focus ring of the field last typed into.
     */
    public void screenshot(String name, WebElement... parts) throws IOException {
        ((JavascriptExecutor) driver).executeScript("document.activeElement?.blur();");
        @SuppressWarnings("unchecked")
        Map<String, Object> clip = (Map<String, Object>) ((JavascriptExecutor) driver)
                .executeScript(
                        "const rects = Array.from(arguments).map(e => e.getBoundingClientRect());"
                                + "const left = Math.min(...rects.map(r => r.left)), top = Math.min(...rects.map(r => r.top));"
                                + "return {x: left + scrollX, y: top + scrollY, scale: 1,"
                                + " width: Math.max(...rects.map(r => r.right)) - left,"
                                + " height: Math.max(...rects.map(r => r.bottom)) - top};",
                        (Object[]) parts);
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot", Map.of("format", "png", "clip", clip, "captureBeyondViewport", true));
        byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
        Path file = screenshotDir().resolve(name + ".png");
        Files.write(file, png);
        System.out.println("screenshot: " + file.toAbsolutePath());
    }

    private static Path screenshotDir() throws IOException {
        String configured = System.getenv(SCREENSHOTS_ENV);
        if (configured == null) {
            return Files.createDirectories(Path.of("target", "browser-screenshots"));
        }
        Path dir = Path.of(configured);
        if (!Files.isDirectory(dir)) {
            fail(SCREENSHOTS_ENV + " names no directory: " + dir.toAbsolutePath());
        }
        return dir;
    }

    /** A failed test leaves a picture of what the browser showed, never in the documentation's directory. */
    @Override
    public void afterTestExecution(ExtensionContext context) throws IOException {
        if (driver != null && context.getExecutionException().isPresent()) {
            Path dir = Files.createDirectories(Path.of("target", "browser-screenshots"));
            Path file = dir.resolve("FAILED-" + testName + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            System.out.println("screenshot of the failure: " + file.toAbsolutePath());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver == null) {
            return;
        }
        try {
            assertCleanConsole();
        } finally {
            driver.quit();
            driver = null;
        }
    }

    /**
     * Fails on every console error since the last call: Chromium reports JavaScript errors, Content-Security-Policy
     * violations and failed loads at level SEVERE. Warnings are printed, since Jenkins' own scripts warn about
     * things that do not break the page (a field a check depends on and cannot find, for one).
     */
    public void assertCleanConsole() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            String line = entry.getLevel() + " " + entry.getMessage();
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()
                    || entry.getMessage().contains("Content Security Policy")) {
                errors.add(line);
            } else if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                System.out.println("browser console in " + testName + ": " + line);
            }
        }
        if (!errors.isEmpty()) {
            fail("the browser's console has errors in " + testName + ":\n  " + String.join("\n  ", errors));
        }
    }
}
