package io.jenkins.plugins.icr.credentials.health;

import static io.jenkins.plugins.icr.token.ProviderAnswers.GITHUB_USER;
import static io.jenkins.plugins.icr.token.ProviderAnswers.githubUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.ExtensionList;
import hudson.model.TaskListener;
import io.jenkins.plugins.icr.credentials.FormPosts;
import io.jenkins.plugins.icr.credentials.TestCredentials;
import io.jenkins.plugins.icr.token.ProviderServer;
import io.jenkins.plugins.icr.token.TestTokens;
import java.time.Instant;
import java.util.Map;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The Manage Jenkins banner as a manager reads it, and its Dismiss: until the token's verdict changes, persisted. */
@WithJenkins
class TokenHealthMonitorTest {
    @RegisterExtension
    final ProviderServer github = new ProviderServer().answeringAsProviders();

    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule j) throws Exception {
        this.j = j;
        TestCredentials.add(github, j, "icr-github", TestTokens.githubClassic());
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Jenkins.MANAGE, CredentialsProvider.VIEW)
                .everywhere()
                .to("manager")
                .grant(Jenkins.READ)
                .everywhere()
                .to("reader"));
    }

    private static TokenHealthMonitor monitor() {
        return ExtensionList.lookupSingleton(TokenHealthMonitor.class);
    }

    private HtmlPage manage() throws Exception {
        return j.createWebClient().login("manager").goTo("manage/");
    }

    /** The banner's form is named after the monitor, as core's own monitors' are; null when it is not shown. */
    private static HtmlForm banner(HtmlPage page) {
        return page.getForms().stream()
                .filter(f -> f.getNameAttribute().equals(monitor().id))
                .findFirst()
                .orElse(null);
    }

    @Test
    void bannerNamesEachTokenAsASentence() throws Exception {
        github.on(GITHUB_USER, githubUser(200, "{\"login\":\"octocat\"}", "repo"));
        Sweeper.sweep(TaskListener.NULL);

        HtmlForm form = banner(manage());

        assertNotNull(form, "the banner is shown");
        HtmlElement item =
                ((HtmlElement) form.getParentNode()).getElementsByTagName("li").get(0);
        assertEquals(
                "icr-github (iCR test token) in Jenkins: lacks workflow, notifications — used by no job. How to fix it",
                item.asNormalizedText());
        assertEquals("MISSING_SCOPES", item.getAttribute("data-status"));
    }

    @Test
    void dismissHidesTheBannerUntilTheVerdictChanges() throws Exception {
        github.on(GITHUB_USER, githubUser(200, "{\"login\":\"octocat\"}", "repo"));
        Sweeper.sweep(TaskListener.NULL);

        HtmlPage after = j.submit(banner(manage()), "dismiss");

        assertNull(banner(after), "dismissed from the page it was on");
        assertFalse(monitor().isActivated());
        TokenHealthRecord record = HealthRecords.of("icr-github");
        assertTrue(new BannerDismissals().isDismissed(record, Instant.now()), "the dismissal was saved to disk");

        Sweeper.sweep(TaskListener.NULL);
        assertFalse(monitor().isActivated(), "the same verdict again stays dismissed");

        github.on(GITHUB_USER, githubUser(200, "{\"login\":\"octocat\"}", "repo, workflow"));
        Sweeper.sweep(TaskListener.NULL);
        assertTrue(monitor().isActivated(), "another verdict (now only notifications missing) shows again");
        assertNotNull(banner(manage()));
    }

    @Test
    void dismissIsAPostForThoseWhoSeeTheBanner() throws Exception {
        github.on(GITHUB_USER, githubUser(200, "{\"login\":\"octocat\"}", "repo"));
        Sweeper.sweep(TaskListener.NULL);
        String dismiss = monitor().getUrl() + "/dismiss";

        assertEquals(
                404,
                FormPosts.request(j, "manager", HttpMethod.GET, dismiss, Map.of())
                        .getStatusCode());
        assertEquals(
                403,
                FormPosts.request(j, "reader", HttpMethod.POST, dismiss, Map.of())
                        .getStatusCode());
        assertTrue(monitor().isActivated(), "nothing was dismissed");
    }
}
