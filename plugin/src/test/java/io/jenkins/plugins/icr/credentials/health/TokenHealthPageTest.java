package io.jenkins.plugins.icr.credentials.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import io.jenkins.plugins.icr.credentials.GitHubStub;
import io.jenkins.plugins.icr.token.TestTokens;
import java.net.URL;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
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
    @RegisterExtension
    final GitHubStub github = new GitHubStub();

    private JenkinsRule j;
    private String token;

    @BeforeEach
    void setUp(JenkinsRule j) throws Exception {
        this.j = j;
        token = TestTokens.githubClassic();
        github.addToken(j, "icr-github", token);
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
        JenkinsRule.WebClient client =
                j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login(user);
        WebRequest request = new WebRequest(new URL(client.getContextPath() + path), method);
        if (method == HttpMethod.POST) {
            client.addCrumb(request);
        }
        return client.getPage(request).getWebResponse();
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
        assertEquals(200, after.getStatusCode());

        long deadline = System.currentTimeMillis() + 30_000;
        while (HealthRecords.of("icr-github") == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        while (TokenSweep.get().isRunning() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }

        String page =
                request("manager", HttpMethod.GET, "manage/icr-vcs-tokens/").getContentAsString();
        assertTrue(page.contains("icr-github") && page.contains("VALID") && page.contains("octocat"), page);
        assertTrue(page.contains("jenkins-table sortable"), "a sortable design-library table");
        assertFalse(page.contains(token));
    }
}
