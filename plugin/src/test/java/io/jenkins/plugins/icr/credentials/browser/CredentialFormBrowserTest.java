package io.jenkins.plugins.icr.credentials.browser;

import static io.jenkins.plugins.icr.token.ProviderAnswers.githubUser;
import static io.jenkins.plugins.icr.token.ProviderServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import io.jenkins.plugins.icr.credentials.IcrVcsServers;
import io.jenkins.plugins.icr.credentials.IcrVcsToken;
import io.jenkins.plugins.icr.credentials.impl.IcrVcsTokenImpl;
import io.jenkins.plugins.icr.token.GitUsername;
import io.jenkins.plugins.icr.token.Provider;
import io.jenkins.plugins.icr.token.ProviderAnswers;
import io.jenkins.plugins.icr.token.ProviderServer;
import io.jenkins.plugins.icr.token.TestTokens;
import io.jenkins.plugins.icr.token.TokenKind;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import okhttp3.Headers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Manage Jenkins → Credentials → Add Credentials → iCR VCS token, in a real browser: the provider chosen, a token
 * pasted, Verify token pressed, the verdict read, against local servers that answer as the providers do.
 */
@WithJenkins
class CredentialFormBrowserTest {
    private static final String ACCOUNT = "ci-bot";

    @RegisterExtension
    final Browser browser = new Browser();

    @RegisterExtension
    final ProviderServer github = new ProviderServer().answeringAsProviders();

    @RegisterExtension
    final ProviderServer provider = new ProviderServer();

    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule j) {
        this.j = j;
    }

    /**
     * Opens the Add Credentials dialog of the system store at the iCR VCS token form, chooses the provider, gives the
     * server URL unless it is null and pastes the token; returns the dialog.
     */
    private WebElement addCredentialDialog(String providerId, String serverUrl, String token) throws Exception {
        browser.open(j, "manage/credentials/store/system/domain/_/");
        browser.click(browser.visible(By.cssSelector("[data-type='credentials-add-store-item']")));
        String kind = j.jenkins.getDescriptorOrDie(IcrVcsTokenImpl.class).getId();
        WebElement choice =
                browser.until(d -> d.findElement(By.cssSelector("input[name='kind'][value='" + kind + "']")));
        browser.click(choice.findElement(By.xpath("./ancestor::label[1]")));
        browser.click(browser.visible(By.id("cr-dialog-next")));
        WebElement dialog = browser.visible(By.cssSelector(".jenkins-dialog"));
        browser.set("provider", providerId);
        if (serverUrl != null) {
            browser.set("serverUrl", serverUrl);
        }
        browser.set("token", token);
        return dialog;
    }

    /** Presses Verify token and returns the verdict once it shows this status. */
    private WebElement verify(WebElement dialog, String status) {
        browser.click(dialog.findElement(By.cssSelector("button[data-validate-button-method='verify']")));
        return browser.visible(By.cssSelector(".icr-verdict-" + status));
    }

    /** The dialog with its verdict in view, for the documentation. */
    private void screenshot(String name, WebElement dialog, WebElement verdict) throws Exception {
        browser.reveal(verdict);
        browser.screenshot(name, dialog);
    }

    @Test
    void verifyTokenShowsTheAccountTheMissingScopesTheExpiryAndTheFix() throws Exception {
        ExampleHosts.declare(j, github.server().getPort(), ExampleHosts.github());
        String token = TestTokens.githubClassic();
        ZonedDateTime expires = ZonedDateTime.now(ZoneOffset.UTC).plusDays(60).withHour(12);
        github.answer(token, ProviderAnswers.githubExpiring(ACCOUNT, "repo", expires.toInstant()));

        WebElement dialog = addCredentialDialog("github", ExampleHosts.GITHUB, token);
        WebElement verdict = verify(dialog, "missing-scopes");

        String text = verdict.getText();
        assertTrue(text.contains(ACCOUNT), text);
        assertTrue(text.contains("workflow") && text.contains("notifications"), text);
        assertTrue(PageText.showsDate(text, expires.toLocalDate()), "the expiry date: " + text);
        List<String> preselected = fixLinkScopes(verdict);
        assertTrue(preselected.containsAll(List.of("workflow", "notifications")), "fix link scopes: " + preselected);
        assertTokenNowhere(token);
        assertEquals(
                "Bearer " + token, github.server().takeRequest().getHeaders().get("Authorization"));
        screenshot("credential-github", dialog, verdict);
    }

    /** The scopes the verdict's fix link ticks on the provider's new-token page. */
    private static List<String> fixLinkScopes(WebElement verdict) {
        WebElement link = verdict.findElement(By.cssSelector("a[href*='/settings/tokens/new']"));
        String query = URI.create(link.getDomAttribute("href")).getRawQuery();
        return Arrays.stream(query.split("&"))
                .filter(p -> p.startsWith("scopes="))
                .flatMap(p -> Arrays.stream(URLDecoder.decode(p.substring(7), StandardCharsets.UTF_8)
                        .split(",")))
                .map(String::strip)
                .toList();
    }

    @Test
    void rejectedTokenAndUndeclaredServerAreToldApart() throws Exception {
        ExampleHosts.declare(j, github.server().getPort(), ExampleHosts.github());
        String token = TestTokens.githubClassic();
        github.answer(token, githubUser(401, "{\"message\":\"Bad credentials\"}", null));

        WebElement dialog = addCredentialDialog("github", ExampleHosts.GITHUB, token);
        verify(dialog, "rejected");
        assertEquals(1, github.server().getRequestCount());

        // The server's declaration is withdrawn while the form is open: the token must not be sent to it.
        IcrVcsServers.get().setServers(List.of());
        WebElement refused = verify(dialog, "invalid-input");

        assertFalse(refused.getText().isBlank());
        assertEquals(1, github.server().getRequestCount(), "no request to a server nobody declared");
        assertTokenNowhere(token);
    }

    @Test
    void gitLabTokenOnASelfManagedServer() throws Exception {
        ExampleHosts.declare(j, provider.server().getPort(), ExampleHosts.gitlab());
        LocalDate expires = LocalDate.now(ZoneOffset.UTC).plusDays(200);
        provider.on(
                "/api/v4/personal_access_tokens/self",
                json(
                        200,
                        "{\"id\":4,\"name\":\"iCR Jenkins\",\"revoked\":false,\"scopes\":[\"api\"],\"user_id\":3,"
                                + "\"active\":true,\"expires_at\":\"" + expires + "\"}"));
        provider.on("/api/v4/user", json(200, "{\"id\":3,\"username\":\"" + ACCOUNT + "\"}"));
        String token = TestTokens.gitlab();

        WebElement dialog = addCredentialDialog("gitlab", ExampleHosts.GITLAB, token);
        WebElement verdict = verify(dialog, "valid");

        String text = verdict.getText();
        assertTrue(text.contains(ACCOUNT) && text.contains("api"), text);
        assertTrue(PageText.showsDate(text, expires), "the expiry date: " + text);
        assertTokenNowhere(token);
        screenshot("credential-gitlab", dialog, verdict);
    }

    @Test
    void bitbucketDataCenterTokenNamesItsUser() throws Exception {
        ExampleHosts.declare(j, provider.server().getPort(), ExampleHosts.bitbucketDataCenter());
        provider.on(
                "/rest/api/1.0/application-properties",
                json(200, "{\"version\":\"9.4.0\",\"displayName\":\"Bitbucket\"}", Headers.of("X-AUSERNAME", ACCOUNT)));
        String token = TestTokens.bitbucketDataCenter();

        WebElement dialog = addCredentialDialog("bitbucket-dc", ExampleHosts.BITBUCKET_DC, token);
        browser.set("login", ACCOUNT);
        WebElement verdict = verify(dialog, "unverifiable");

        assertTrue(verdict.getText().contains(ACCOUNT), verdict.getText());
        assertTokenNowhere(token);
        screenshot("credential-bitbucket-data-center", dialog, verdict);
    }

    /** Bitbucket Cloud cannot be pointed at a local server; its form's own checks need none and say what to type. */
    @Test
    void bitbucketCloudApiTokenIsRecognisedAndItsEmailExplained() throws Exception {
        String email = ACCOUNT + "@example.com";
        String token = TestTokens.atlassianApiToken();

        WebElement dialog = addCredentialDialog("bitbucket", null, token);
        browser.set("login", email);

        String tokenCheck = browser.checkOf("token").getText();
        assertTrue(
                tokenCheck.contains(TokenKind.BITBUCKET_API_TOKEN.displayName().toString()), tokenCheck);
        String git = GitUsername.of(Provider.BITBUCKET, TokenKind.BITBUCKET_API_TOKEN, email);
        browser.until(d -> browser.checkOf("login").getText().contains(git));
        assertTokenNowhere(token);
        browser.screenshot("credential-bitbucket-cloud", dialog);
    }

    /** The token is in no page, and nothing was stored: the form was never submitted. */
    private void assertTokenNowhere(String token) {
        assertFalse(browser.driver().getPageSource().contains(token), "the page shows the token");
        assertEquals(
                List.of(),
                CredentialsProvider.lookupCredentialsInItemGroup(IcrVcsToken.class, j.jenkins, null, List.of()));
    }
}
