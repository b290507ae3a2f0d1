package io.jenkins.plugins.icr.credentials.impl;

import static io.jenkins.plugins.icr.credentials.FormPosts.post;
import static io.jenkins.plugins.icr.token.ProviderAnswers.githubUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import hudson.util.Secret;
import io.jenkins.plugins.icr.credentials.Stores;
import io.jenkins.plugins.icr.credentials.TestCredentials;
import io.jenkins.plugins.icr.credentials.health.Sweeps;
import io.jenkins.plugins.icr.credentials.health.TokenHealthRecord;
import io.jenkins.plugins.icr.credentials.health.TokenHealthStore;
import io.jenkins.plugins.icr.token.ProviderServer;
import io.jenkins.plugins.icr.token.TestTokens;
import java.util.List;
import java.util.Map;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The credential's pages as a browser gets them. The update dialog is a fragment the page loads and runs inside itself
 * (alone, its select.js needs behavior.js it does not carry), so it is read here without JavaScript, and the requests
 * its form then makes are sent with the values it rendered: the places a token could surface.
 */
@WithJenkins
class CredentialPagesTest {
    private static final String SYSTEM = "credentials/store/system/domain/_/credential/icr/";
    private static final String TEAM = "job/team/credentials/store/folder/domain/_/credential/icr/";

    @RegisterExtension
    final ProviderServer github = new ProviderServer().answeringAsProviders();

    private JenkinsRule j;
    private String systemToken;
    private String teamToken;

    @BeforeEach
    void setUp(JenkinsRule j) throws Exception {
        this.j = j;
        systemToken = TestTokens.githubClassic();
        teamToken = TestTokens.githubClassic();
        TestCredentials.add(github, j, "icr", systemToken);
        Folder team = j.jenkins.createProject(Folder.class, "team");
        // The same id in another store, whose token the provider rejects.
        TestCredentials.add(github, Stores.ownStore(team), "icr", teamToken);
        github.answer(teamToken, githubUser(401, "{\"message\":\"Bad credentials\"}", null));
        Sweeps.now();
    }

    private HtmlPage fragment(String url) throws Exception {
        return j.createWebClient().withJavaScriptEnabled(false).goTo(url + "updateDialog");
    }

    /** The message of the record kept for the credential below this URL prefix. */
    private static String recordMessage(String storeUrl) {
        return TokenHealthStore.get().all().stream()
                .filter(r -> r.getCredentialUrl().startsWith(storeUrl))
                .map(TokenHealthRecord::getMessage)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void pagesFormChecksAndTheHealthPanelNeverShowTheToken() throws Exception {
        for (String page : List.of(SYSTEM, SYSTEM + "updateDialog")) {
            String html = j.createWebClient()
                    .withJavaScriptEnabled(false)
                    .goTo(page)
                    .getWebResponse()
                    .getContentAsString();
            assertFalse(html.contains(systemToken), page + " shows the token");
        }
        HtmlPage dialog = fragment(SYSTEM);
        assertTrue(
                dialog.asNormalizedText().contains(recordMessage("credentials/")),
                "the health panel is on the form: " + dialog.asNormalizedText());
        DomElement field = dialog.getElementsByName("_.token").get(0);
        String rendered = field.getAttribute("value");
        assertNotEquals(systemToken, rendered, "the password field renders the token");
        assertEquals(systemToken, Secret.decrypt(rendered).getPlainText(), "it renders the stored token, encrypted");

        Map<String, String> form = Map.of(
                "provider", "github",
                "serverUrl", github.webUrl(),
                "login", "",
                "token", rendered,
                "value", rendered,
                "requiredScopes", "",
                "id", "icr");
        for (String method : List.of("checkToken", "checkLogin", "verify")) {
            String answer = post(j, null, IcrVcsTokenImpl.class, method, form).getContentAsString();
            assertFalse(answer.contains(systemToken), method + " shows the token: " + answer);
        }
        String verdict = post(j, null, IcrVcsTokenImpl.class, "verify", form).getContentAsString();
        assertTrue(
                verdict.contains("octocat"), "Verify on the edited credential verifies its stored token: " + verdict);
        assertEquals(
                systemToken, github.receivedTokens().get(github.receivedTokens().size() - 1));
    }

    @Test
    void theFormShowsTheHealthOfItsOwnStoresCredential() throws Exception {
        String systemMessage = recordMessage("credentials/");
        String teamMessage = recordMessage("job/team/");
        assertNotEquals(systemMessage, teamMessage);

        String system = fragment(SYSTEM).asNormalizedText();
        String team = fragment(TEAM).asNormalizedText();

        assertTrue(system.contains(systemMessage) && !system.contains(teamMessage), system);
        assertTrue(team.contains(teamMessage) && !team.contains(systemMessage), team);
    }
}
