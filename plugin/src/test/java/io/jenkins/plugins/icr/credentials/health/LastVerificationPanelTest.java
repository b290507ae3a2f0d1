package io.jenkins.plugins.icr.credentials.health;

import static io.jenkins.plugins.icr.token.ProviderAnswers.GITHUB_USER;
import static io.jenkins.plugins.icr.token.ProviderAnswers.githubUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.TaskListener;
import io.jenkins.plugins.icr.credentials.TestCredentials;
import io.jenkins.plugins.icr.token.ProviderServer;
import io.jenkins.plugins.icr.token.TestTokens;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The last sweep's verdict in the credential's own form: the status in words, when as a person says it. */
@WithJenkins
class LastVerificationPanelTest {
    @RegisterExtension
    final ProviderServer github = new ProviderServer().answeringAsProviders();

    @Test
    void lastVerificationIsInWordsWithTheExactTimeOnHover(JenkinsRule j) throws Exception {
        String token = TestTokens.githubClassic();
        TestCredentials.add(github, j, "icr-github", token);
        github.on(GITHUB_USER, githubUser(200, "{\"login\":\"octocat\"}", "repo"));
        Sweeper.sweep(TaskListener.NULL);
        JenkinsRule.WebClient client = j.createWebClient();
        client.getOptions().setJavaScriptEnabled(false);

        HtmlPage form = client.goTo("credentials/store/system/domain/_/credential/icr-github/updateDialog");

        DomElement verdict = form.querySelector("[data-status]");
        assertEquals("MISSING_SCOPES", verdict.getAttribute("data-status"));
        assertTrue(verdict.asNormalizedText().startsWith("Missing scopes: "), verdict.asNormalizedText());
        DomElement checked = form.querySelector("time");
        String when = checked.getParentNode().asNormalizedText();
        assertTrue(when.startsWith("Checked ") && when.endsWith(" ago"), when);
        assertEquals(HealthRecords.of("icr-github").getCheckedAt().toString(), checked.getAttribute("datetime"));
        assertFalse(checked.getAttribute("tooltip").isEmpty(), "the exact date and time on hover");
        assertFalse(form.getWebResponse().getContentAsString().contains(token));
    }
}
