package io.jenkins.plugins.icr.credentials.health;

import static io.jenkins.plugins.icr.token.ProviderAnswers.GITHUB_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.TaskListener;
import io.jenkins.plugins.icr.credentials.FormPosts;
import io.jenkins.plugins.icr.credentials.TestCredentials;
import io.jenkins.plugins.icr.token.ProviderAnswers;
import io.jenkins.plugins.icr.token.ProviderServer;
import io.jenkins.plugins.icr.token.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTable;
import org.htmlunit.html.HtmlTableRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Manage Jenkins → iCR VCS tokens: Overall/Manage only, the table (for a manager who may view the system store's
 * credentials), and "Verify all now" as a POST.
 */
@WithJenkins
class TokenHealthPageTest {
    private static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d");

    @RegisterExtension
    final ProviderServer github = new ProviderServer().answeringAsProviders();

    private JenkinsRule j;
    private String token;

    @BeforeEach
    void setUp(JenkinsRule j) throws Exception {
        this.j = j;
        token = TestTokens.githubClassic();
        TestCredentials.add(github, j, "icr-github", token);
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ)
                .everywhere()
                .to("reader")
                .grant(Jenkins.READ, Jenkins.MANAGE, CredentialsProvider.VIEW)
                .everywhere()
                .to("manager"));
    }

    private WebResponse request(String user, HttpMethod method, String path) throws Exception {
        return FormPosts.request(j, user, method, path, Map.of());
    }

    @Test
    void pageAndActionAreForManagersOnly() throws Exception {
        assertEquals(403, request("reader", HttpMethod.GET, "icr-vcs-tokens/").getStatusCode());
        assertEquals(
                403,
                request("reader", HttpMethod.POST, "icr-vcs-tokens/verifyAll").getStatusCode());
        assertEquals(
                404,
                request("manager", HttpMethod.GET, "icr-vcs-tokens/verifyAll").getStatusCode());
        assertEquals(0, github.server().getRequestCount());
    }

    @Test
    void verifyAllNowFillsTheTable() throws Exception {
        WebResponse after = request("manager", HttpMethod.POST, "icr-vcs-tokens/verifyAll");
        assertEquals(302, after.getStatusCode(), "back to the page");

        long deadline = System.currentTimeMillis() + 30_000;
        while (HealthRecords.of("icr-github") == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        while (TokenSweep.get().isRunning() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }

        String page =
                request("manager", HttpMethod.GET, "manage/icr-vcs-tokens/").getContentAsString();
        assertTrue(page.contains("icr-github") && page.contains("Valid") && page.contains("octocat"), page);
        assertTrue(page.contains("jenkins-table sortable"), "a sortable design-library table");
        assertFalse(page.contains(token));
    }

    /** The page as a manager reads it, without scripts: what the server wrote is what the eye gets. */
    private HtmlPage page(String path) throws Exception {
        JenkinsRule.WebClient client = j.createWebClient().login("manager");
        client.getOptions().setJavaScriptEnabled(false);
        return client.goTo(path);
    }

    @Test
    void tableReadsAtAGlanceWordsDatesAndListsAsText() throws Exception {
        Instant expiry = Instant.now().plus(Duration.ofDays(5)).plus(Duration.ofHours(2));
        github.on(GITHUB_USER, ProviderAnswers.githubExpiring("repo", expiry));
        Sweeper.sweep(TaskListener.NULL);

        HtmlTable table = page("manage/icr-vcs-tokens/").getHtmlElementById("icr-vcs-tokens");

        assertEquals(
                List.of(
                        "Status",
                        "Credential",
                        "Store",
                        "Token",
                        "Account",
                        "Missing scopes",
                        "Expires",
                        "Last checked"),
                table.getRow(0).getCells().stream()
                        .map(c -> c.asNormalizedText())
                        .toList());
        HtmlTableRow row = table.getRow(1);
        assertEquals("MISSING_SCOPES", row.getAttribute("data-status"), "the constant, for scripts");
        String text = row.asNormalizedText();
        assertFalse(
                text.contains("MISSING_SCOPES")
                        || text.contains("[")
                        || ISO_INSTANT.matcher(text).find(),
                text);
        assertTrue(row.getCell(0).asNormalizedText().startsWith("Missing scopes"), text);
        assertTrue(row.getCell(0).asNormalizedText().contains("How to fix it"), "the fix link is kept: " + text);
        assertTrue(
                row.getCell(0)
                        .getElementsByTagName("span")
                        .get(0)
                        .getAttribute("tooltip")
                        .contains("lacks workflow"),
                "the reasons on hover");
        assertEquals("GitHub\nclassic token", row.getCell(3).asNormalizedText());
        assertEquals("GitHub personal access token (classic)", row.getCell(3).getAttribute("tooltip"));
        assertEquals("workflow, notifications", row.getCell(5).asNormalizedText());

        DomElement expires = row.getCell(6).getElementsByTagName("time").get(0);
        assertEquals(expiry.truncatedTo(ChronoUnit.SECONDS).toString(), expires.getAttribute("datetime"));
        assertTrue(expires.getAttribute("tooltip")
                .contains(String.valueOf(expiry.atZone(ZoneId.systemDefault()).getYear())));
        assertTrue(expires.asNormalizedText().contains("(in 5 days"), expires.asNormalizedText());
        assertTrue(expires.getAttribute("class").contains("warning"), "inside the warning window");
        DomElement checked = row.getCell(7).getElementsByTagName("time").get(0);
        assertTrue(checked.asNormalizedText().endsWith(" ago"), checked.asNormalizedText());
    }

    /** Core's words come in the language the browser asks for; core's test jar brings a partial French bundle. */
    @Test
    void coreTextIsInTheViewersLanguage() throws Exception {
        github.on(
                GITHUB_USER,
                ProviderAnswers.githubExpiring("repo", Instant.now().plus(Duration.ofDays(30))));
        Sweeper.sweep(TaskListener.NULL);
        JenkinsRule.WebClient client = j.createWebClient().login("manager");
        client.getOptions().setJavaScriptEnabled(false);
        client.addRequestHeader("Accept-Language", "fr");

        HtmlTableRow row = client.<HtmlPage>goTo("manage/icr-vcs-tokens/")
                .<HtmlTable>getHtmlElementById("icr-vcs-tokens")
                .getRow(1);

        assertEquals(
                "jeton d'accès personnel GitHub (classique)", row.getCell(3).getAttribute("tooltip"));
        assertEquals(
                "il manque workflow, notifications",
                row.getCell(0).getElementsByTagName("span").get(0).getAttribute("tooltip"));
        assertEquals(
                "Portées manquantes",
                row.getCell(0).getElementsByTagName("span").get(0).asNormalizedText());
        assertEquals(
                "GitHub personal access token (classic)",
                page("manage/icr-vcs-tokens/")
                        .<HtmlTable>getHtmlElementById("icr-vcs-tokens")
                        .getRow(1)
                        .getCell(3)
                        .getAttribute("tooltip"),
                "the same record in English for an English reader");
    }

    @Test
    void worstComesFirstOnceTheTableIsSorted() throws Exception {
        String rejected = TestTokens.githubClassic();
        TestCredentials.add(github, j, "icr-a-rejected", rejected);
        github.answer(rejected, ProviderAnswers.githubUser(401, "{\"message\":\"Bad credentials\"}", null));
        Sweeper.sweep(TaskListener.NULL);

        HtmlTable table = j.createWebClient()
                .login("manager")
                .goTo("manage/icr-vcs-tokens/")
                .getHtmlElementById("icr-vcs-tokens");

        assertEquals("REJECTED", table.getRow(1).getAttribute("data-status"));
        assertEquals("VALID", table.getRow(2).getAttribute("data-status"));
    }
}
