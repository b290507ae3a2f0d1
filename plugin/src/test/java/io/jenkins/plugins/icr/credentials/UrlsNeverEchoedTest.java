package io.jenkins.plugins.icr.credentials;

import static io.jenkins.plugins.icr.credentials.FormPosts.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.icr.credentials.health.Sweeps;
import io.jenkins.plugins.icr.credentials.health.TokenHealthRecord;
import io.jenkins.plugins.icr.credentials.health.TokenHealthStore;
import io.jenkins.plugins.icr.credentials.impl.IcrVcsTokenImpl;
import io.jenkins.plugins.icr.credentials.job.IcrJobProperty;
import io.jenkins.plugins.icr.credentials.steps.IcrVerifyTokenBuilder;
import io.jenkins.plugins.icr.token.TestTokens;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A URL typed where a server or repository goes may carry a token (in its user info or its path); a refusal never
 * quotes it back, wherever the refusal ends up: form checks, health records, the tokens page, the banner, the sweep,
 * build logs and the exceptions that end a build.
 */
@WithJenkins
class UrlsNeverEchoedTest {
    private JenkinsRule j;
    private String secret;

    @BeforeEach
    void setUp(JenkinsRule j) {
        this.j = j;
        secret = TestTokens.githubClassic();
    }

    private void assertClean(String where, String text) {
        assertFalse(text.contains(secret), where + " quotes the URL: " + text);
    }

    /** Refusals only: a server an administrator declares at a path is shown back with its API, as it should be. */
    @Test
    void formChecksDoNotQuoteATypedUrl() throws Exception {
        String undeclared = "https://github.example.com/" + secret;
        String inUserInfo = "https://x-access-token:" + secret + "@github.example.com";
        String invalid = "https://github.example.com:99999/" + secret;
        for (String url : List.of(undeclared, inUserInfo, invalid)) {
            Map<String, String> fields = Map.of(
                    "provider",
                    "github",
                    "value",
                    url,
                    "serverUrl",
                    url,
                    "token",
                    TestTokens.githubClassic(),
                    "login",
                    "",
                    "requiredScopes",
                    "");
            String check = post(j, null, IcrVcsTokenImpl.class, "checkServerUrl", fields)
                    .getContentAsString();
            assertTrue(check.contains("class=\"error\""), "refused: " + check);
            assertClean("checkServerUrl", check);
            // The same refusal, as the verdict of the Verify button.
            assertClean(
                    "verify",
                    post(j, null, IcrVcsTokenImpl.class, "verify", fields).getContentAsString());
            if (!url.equals(undeclared)) {
                String answer =
                        post(j, null, IcrVcsServer.class, "checkUrl", fields).getContentAsString();
                assertTrue(answer.contains("class=\"error\""), "refused: " + answer);
                assertClean("checkUrl", answer);
            }
        }
        j.createFreeStyleProject("p");
        for (String repository :
                List.of("https://x-access-token:" + secret + "@github.com/acme/widgets.git", "not a url " + secret)) {
            String answer = post(
                            j, null, "job/p/", IcrJobProperty.class, "checkRepositoryUrl", Map.of("value", repository))
                    .getContentAsString();
            assertTrue(answer.contains("class=\"error\""), "refused: " + answer);
            assertClean("checkRepositoryUrl", answer);
        }
    }

    @Test
    void aStoredServerUrlIsNotQuotedByRecordsPagesLogsOrBuilds() throws Exception {
        IcrVcsTokenImpl credential = new IcrVcsTokenImpl(
                CredentialsScope.GLOBAL, "icr-pasted", "", "github", Secret.fromString(TestTokens.githubClassic()));
        credential.setServerUrl("https://github.example.com/" + secret);
        Stores.ownStore(j.jenkins).addCredentials(Domain.global(), credential);

        assertClean("the sweep's log", Sweeps.now());

        TokenHealthRecord record = TokenHealthStore.get().all().get(0);
        assertEquals("INVALID_INPUT", record.getStatus().name());
        assertClean("the record", record.getMessage() + record.getAccount() + record.getFixUrl());
        JenkinsRule.WebClient client = j.createWebClient().withJavaScriptEnabled(false);
        assertClean(
                "the tokens page",
                client.goTo("manage/icr-vcs-tokens/").getWebResponse().getContentAsString());
        String banner = client.goTo("manage/").getWebResponse().getContentAsString();
        assertTrue(banner.contains("icr-pasted"), "the banner names the credential");
        assertClean("the banner", banner);
        assertEquals(
                List.of("credentials.xml"),
                Leaks.filesContaining(j.jenkins.getRootDir().toPath(), secret),
                "only the credential itself keeps the URL typed in it");

        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("icrVerifyToken credentialsId: 'icr-pasted'", true));
        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);
        j.assertLogContains("INVALID_INPUT", run);
        j.assertLogNotContains(secret, run);
        FreeStyleProject freestyle = j.createFreeStyleProject();
        freestyle.addProperty(new IcrJobProperty("https://icr.example.com", "icr-pasted"));
        freestyle.getBuildersList().add(new IcrVerifyTokenBuilder());
        j.assertLogNotContains(secret, j.buildAndAssertStatus(Result.FAILURE, freestyle));
    }
}
