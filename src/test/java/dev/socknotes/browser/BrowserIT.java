package dev.socknotes.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.bidi.module.LogInspector;
import org.openqa.selenium.bidi.module.Network;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The built site in headless Chromium (Debian's chromium and chromium-driver), opened from disk
 * and from a local server: search in both languages, the language switch, the theme toggle, no
 * request leaving the site, no browser errors, accessibility (axe-core) and screenshots.
 * Network and console events come from WebDriver BiDi, which is not tied to one Chromium version.
 */
class BrowserIT {
    static final Path SITE = Path.of(System.getProperty("socknotes.site", "target/site")).toAbsolutePath();
    static final Path SHOTS = SITE.getParent().resolve("screenshots");

    static ChromeDriver driver;
    static HttpServer server;
    static final List<String> requests = new CopyOnWriteArrayList<>();
    static final List<String> browserErrors = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        assertThat(SITE.resolve("index.html")).as("run mvn package first").exists();
        server = SimpleFileServer.createFileServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), SITE,
                SimpleFileServer.OutputLevel.NONE);
        server.start();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("socknotes.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--lang=en-US");
        options.enableBiDi();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("socknotes.chromedriver", "/usr/bin/chromedriver")))
                .build();
        driver = new ChromeDriver(service, options);
        new Network(driver).onBeforeRequestSent(e -> requests.add(e.getRequest().getUrl()));
        LogInspector logs = new LogInspector(driver);
        logs.onConsoleEntry(e -> {
            if ("error".equalsIgnoreCase(String.valueOf(e.getLevel()))) {
                browserErrors.add("console: " + e.getText());
            }
        });
        logs.onJavaScriptException(e -> browserErrors.add("exception: " + e.getText()));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @BeforeEach
    void freshState() {
        requests.clear();
        browserErrors.clear();
    }

    static String base(String kind) {
        return kind.equals("file") ? SITE.toUri().toString() : "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    static void open(String url) {
        driver.get(url);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
                "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    static WebElement search(String query) {
        WebElement input = driver.findElement(By.id("search-input"));
        input.clear();
        input.sendKeys(query);
        // results re-render while typing: wait for the list that answers the whole query
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            WebElement list = d.findElement(By.id("search-results"));
            if (!query.equals(list.getAttribute("data-query"))) {
                return null;
            }
            List<WebElement> links = list.findElements(By.cssSelector("li a"));
            return links.isEmpty() ? null : links.getFirst();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "http"})
    void searchFindsAChineseTermOnTheChinesePageAndLandsOnItsSection(String kind) {
        open(base(kind) + "zh/index.html");
        WebElement first = search("孤儿");
        String href = first.getAttribute("href");
        assertThat(href).contains("/zh/").contains("#");
        assertThat(first.getText()).contains("中文");
        first.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().equals(href));
        String id = href.substring(href.indexOf('#') + 1);
        assertThat(driver.findElements(By.id(id))).as("section #%s exists", id).hasSize(1);
        assertThat(driver.findElement(By.id(id)).getText() + " " + js("return document.body.innerText"))
                .contains("孤儿");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "http"})
    void searchFindsStateNamesAndEnglishWordsOnTheEnglishPages(String kind) {
        open(base(kind) + "en/index.html");
        WebElement state = search("CLOSE_WAIT");
        // the best hit is a page's lead text (now the close-wait page's) or one of its sections
        assertThat(state.getAttribute("href")).containsPattern("/en/[a-z-]+\\.html(#[a-z0-9-]+)?$");
        assertThat(state.findElement(By.tagName("mark")).getText()).isEqualToIgnoringCase("CLOSE_WAIT");
        WebElement word = search("orphaned");
        assertThat(word.getAttribute("href")).contains("/en/");
        assertThat(word.getText().toLowerCase()).contains("orphan");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "http"})
    void theLanguageSwitchKeepsTheSection(String kind) {
        open(base(kind) + "en/shutdown.html#shut-rd");
        driver.findElement(By.cssSelector(".lang-switch a[hreflang='zh-Hans']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/zh/shutdown.html"));
        assertThat(driver.getCurrentUrl()).endsWith("/zh/shutdown.html#shut-rd");
        assertThat(driver.findElements(By.id("shut-rd"))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "http"})
    void theDarkThemeToggleWorksAndIsRemembered(String kind) {
        open(base(kind) + "en/states.html");
        js("localStorage.removeItem('socknotes-theme')");
        open(base(kind) + "en/states.html");
        String before = (String) js("return getComputedStyle(document.body).backgroundColor");
        boolean wasDark = "dark".equals(js("return document.documentElement.getAttribute('data-theme')"));
        driver.findElement(By.id("theme-toggle")).click();
        String theme = (String) js("return document.documentElement.getAttribute('data-theme')");
        assertThat(theme).isEqualTo(wasDark ? "light" : "dark");
        assertThat((String) js("return getComputedStyle(document.body).backgroundColor")).isNotEqualTo(before);
        open(base(kind) + "zh/close.html");
        assertThat((String) js("return document.documentElement.getAttribute('data-theme')")).isEqualTo(theme);
        js("localStorage.removeItem('socknotes-theme')");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "http"})
    void everyPageLoadsOnlyFromTheSiteAndLogsNoErrors(String kind) throws IOException {
        String base = base(kind);
        List<String> offenders = new ArrayList<>();
        for (Path page : pages()) {
            requests.clear();
            String url = base + SITE.relativize(page).toString().replace('\\', '/');
            open(url);
            search("FIN"); // loads the search index too
            for (String r : requests) {
                if (!r.startsWith(base)) {
                    offenders.add(url + " requested " + r);
                }
            }
        }
        assertThat(requests).as("network events arrive at all").isNotEmpty();
        assertThat(offenders).isEmpty();
        assertThat(browserErrors).isEmpty();
    }

    @Test
    void axeFindsNoSeriousAccessibilityProblemsInEitherTheme() {
        List<String> problems = new ArrayList<>();
        for (String theme : List.of("light", "dark")) {
            for (String page : List.of("zh/states.html", "en/notes.html", "bilingual/shutdown.html", "en/index.html", "en/matrix.html")) {
                open(base("http") + page);
                js("localStorage.setItem('socknotes-theme', arguments[0])", theme);
                open(base("http") + page); // the saved theme applies as a reader's would
                assertThat(js("return document.documentElement.getAttribute('data-theme')")).isEqualTo(theme);
                Results results = new AxeBuilder().analyze(driver);
                for (Rule v : results.getViolations()) {
                    if ("serious".equals(v.getImpact()) || "critical".equals(v.getImpact())) {
                        problems.add(theme + " " + page + ": " + v.getId() + " (" + v.getImpact() + ") at "
                                + v.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList());
                    }
                }
            }
        }
        js("localStorage.removeItem('socknotes-theme')");
        assertThat(problems).isEmpty();
    }

    @Test
    void aScreenshotOfEachViewIsWrittenForReview() throws IOException {
        Files.createDirectories(SHOTS);
        for (String view : List.of("zh", "en", "bilingual")) {
            open(base("http") + view + "/states.html");
            Path shot = SHOTS.resolve(view + "-states.png");
            Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            assertThat(Files.size(shot)).isGreaterThan(10_000);
        }
    }

    static List<Path> pages() throws IOException {
        try (Stream<Path> s = Files.walk(SITE)) {
            return s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }
}
