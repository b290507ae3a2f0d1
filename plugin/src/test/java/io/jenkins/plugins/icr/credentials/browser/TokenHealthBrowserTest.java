package io.jenkins.plugins.icr.credentials.browser;

import static io.jenkins.plugins.icr.token.ProviderAnswers.GITHUB_USER;
import static io.jenkins.plugins.icr.token.ProviderAnswers.githubUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.icr.credentials.TestCredentials;
import io.jenkins.plugins.icr.credentials.health.TokenHealthRecord;
import io.jenkins.plugins.icr.credentials.health.TokenHealthStore;
import io.jenkins.plugins.icr.credentials.health.TokenSweep;
import io.jenkins.plugins.icr.token.ProviderAnswers;
import io.jenkins.plugins.icr.token.ProviderServer;
import io.jenkins.plugins.icr.token.TestTokens;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Manage Jenkins → iCR VCS tokens and the administrative monitor, in a real browser, around sweeps started with
 * "Verify all now": one token expiring soon, one rejected, one valid.
 */
@WithJenkins
class TokenHealthBrowserTest {
    private static final String ACCOUNT = "ci-bot";
    private static final String ALL_SCOPES = "repo, workflow, notifications";
    private static final String PAGE = "manage/icr-vcs-tokens/";

    @RegisterExtension
    final Browser browser = new Browser();

    @RegisterExtension
    final ProviderServer github = new ProviderServer().answeringAsProviders();

    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule j) {
        this.j = j;
    }

    @Test
    void verifyAllNowFillsTheTableAndTheBannerNamesTheTokensThatNeedAttention() throws Exception {
        ExampleHosts.declare(j, github.server().getPort(), ExampleHosts.github());
        github.on(GITHUB_USER, githubUser(200, "{\"login\":\"" + ACCOUNT + "\"}", ALL_SCOPES));
        Instant expires = Instant.now().plus(5, ChronoUnit.DAYS);
        String expiring = store("icr-release", "Release bot");
        github.answer(expiring, ProviderAnswers.githubExpiring(ACCOUNT, ALL_SCOPES, expires));
        String rejected = store("icr-nightly", "Nightly scans");
        github.answer(rejected, githubUser(401, "{\"message\":\"Bad credentials\"}", null));
        String valid = store("icr-ci", "Team CI");

        verifyAllNow();

        Map<String, String> rows = rows();
        assertEquals(List.of("icr-nightly", "icr-release", "icr-ci"), List.copyOf(rows.keySet()), "worst first");
        assertTrue(lower(rows.get("icr-nightly")).contains("reject"), rows.get("icr-nightly"));
        String release = rows.get("icr-release");
        assertTrue(release.contains(ACCOUNT), release);
        assertTrue(PageText.showsDate(release, LocalDate.ofInstant(expires, ZoneOffset.UTC)), release);
        assertTrue(rows.get("icr-ci").contains(ACCOUNT)
                && !lower(rows.get("icr-ci")).contains("reject"));
        assertTokensNowhere(expiring, rejected, valid);
        browser.screenshot("token-health-page", browser.visible(By.cssSelector(".jenkins-app-bar")), table());

        WebElement banner = banner();
        assertTrue(linksTo(banner, "icr-nightly") && linksTo(banner, "icr-release"), banner.getText());
        assertFalse(linksTo(banner, "icr-ci"), "a valid token needs no attention: " + banner.getText());
        assertTokensNowhere(expiring, rejected, valid);
        browser.screenshot("token-health-banner", banner);

        github.answer(rejected, githubUser(200, "{\"login\":\"" + ACCOUNT + "\"}", ALL_SCOPES));
        verifyAllNow();

        rows = rows();
        assertEquals(List.of("icr-release", "icr-ci", "icr-nightly"), List.copyOf(rows.keySet()));
        assertFalse(lower(rows.get("icr-nightly")).contains("reject"), rows.get("icr-nightly"));
        WebElement after = banner();
        assertTrue(linksTo(after, "icr-release") && !linksTo(after, "icr-nightly"), after.getText());
    }

    private String store(String id, String description) throws Exception {
        String token = TestTokens.githubClassic();
        TestCredentials.store(j, id, description, "github", ExampleHosts.GITHUB, token);
        return token;
    }

    /** Presses the page's button, waits for the sweep it starts to record every token, and shows the page again. */
    private void verifyAllNow() throws Exception {
        browser.open(j, PAGE);
        Instant pressed = Instant.now();
        browser.click(browser.visible(By.cssSelector("form[action$='verifyAll'] button")));
        browser.until(d -> !TokenSweep.get().isRunning()
                && TokenHealthStore.get().all().size() == 3
                && TokenHealthStore.get().all().stream()
                        .map(TokenHealthRecord::getCheckedAt)
                        .noneMatch(checked -> checked.isBefore(pressed)));
        browser.open(j, PAGE);
    }

    /** The table's rows in the order the browser shows them (after its sorting script ran): credential id → text. */
    private Map<String, String> rows() {
        Map<String, String> rows = new LinkedHashMap<>();
        for (WebElement row : table().findElements(By.cssSelector("tbody tr"))) {
            rows.put(row.findElement(By.cssSelector("a[href*='/credential/']")).getText(), row.getText());
        }
        return rows;
    }

    private WebElement table() {
        return browser.visible(By.xpath("//table[.//a[contains(@href, '/credential/')]]"));
    }

    /** Our monitor's message on Manage Jenkins, among whatever other monitors say there. */
    private WebElement banner() throws Exception {
        browser.open(j, "manage/");
        WebElement link = browser.visible(By.cssSelector("section.manage-messages a[href$='" + PAGE + "']"));
        List<WebElement> alert = link.findElements(By.xpath("./ancestor::*[contains(@class, 'alert')][1]"));
        return alert.isEmpty() ? link.findElement(By.xpath("./ancestor::section[1]")) : alert.get(0);
    }

    private static boolean linksTo(WebElement banner, String credentialId) {
        return !banner.findElements(By.cssSelector("a[href*='/credential/" + credentialId + "/']"))
                .isEmpty();
    }

    private void assertTokensNowhere(String... tokens) {
        String page = browser.driver().getPageSource();
        for (String token : tokens) {
            assertFalse(page.contains(token), "the page shows a token");
        }
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
