package io.jenkins.plugins.icr.credentials.browser;

import static io.jenkins.plugins.icr.token.ProviderAnswers.GITHUB_USER;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleProject;
import io.jenkins.plugins.icr.credentials.TestCredentials;
import io.jenkins.plugins.icr.credentials.job.IcrJobProperty;
import io.jenkins.plugins.icr.token.ProviderAnswers;
import io.jenkins.plugins.icr.token.ProviderServer;
import io.jenkins.plugins.icr.token.TestTokens;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A job's iCR section in a real browser: the VCS token chosen in the list is verified at once, before anything is
 * saved, and the list offers only the tokens of the repository's server.
 */
@WithJenkins
class JobSectionBrowserTest {
    private static final String ACCOUNT = "ci-bot";

    @RegisterExtension
    final Browser browser = new Browser();

    @RegisterExtension
    final ProviderServer github = new ProviderServer().answeringAsProviders();

    @Test
    void chosenTokenIsVerifiedLiveAndTheListFollowsTheRepository(JenkinsRule j) throws Exception {
        ExampleHosts.declare(j, github.server().getPort(), ExampleHosts.github(), ExampleHosts.gitlab());
        github.on(GITHUB_USER, ProviderAnswers.githubUser(200, "{\"login\":\"" + ACCOUNT + "\"}", "repo, workflow, notifications"));
        String token = TestTokens.githubClassic();
        TestCredentials.store(j, "icr-github", "iCR on GitHub Enterprise", "github", ExampleHosts.GITHUB, token);
        TestCredentials.store(
                j, "icr-github-ops", "Operations bot", "github", ExampleHosts.GITHUB, TestTokens.githubClassic());
        TestCredentials.store(j, "icr-gitlab", "iCR on GitLab", "gitlab", ExampleHosts.GITLAB, TestTokens.gitlab());
        FreeStyleProject project = j.createFreeStyleProject("widgets");

        browser.open(j, "job/widgets/configure");
        WebElement section = icrSection();
        browser.click(section.findElement(By.cssSelector(".optional-block-start label")));
        browser.set("icrServerUrl", "https://icr.example.com");
        browser.set("repositoryUrl", ExampleHosts.GITHUB + "/acme/widgets");
        WebElement tokens = browser.visible(By.name("_.vcsCredentialsId"));
        browser.until(d -> offers(tokens, List.of("icr-github", "icr-github-ops"), List.of("icr-gitlab")));

        browser.set("vcsCredentialsId", "icr-github");
        WebElement verdict = browser.until(d -> browser.checkOf("vcsCredentialsId")
                .findElements(By.cssSelector(".icr-verdict"))
                .stream()
                .findFirst()
                .orElse(null));
        assertTrue(verdict.getText().contains(ACCOUNT), verdict.getText());
        assertNull(project.getProperty(IcrJobProperty.class), "the verdict came before any save");
        assertFalse(browser.driver().getPageSource().contains(token), "the page shows the token");
        browser.screenshot("job-icr-section", section);

        browser.set("repositoryUrl", ExampleHosts.GITLAB + "/acme/widgets");
        // The chosen token stays listed, as the credentials consumer guide asks, so that nothing is lost unseen.
        browser.until(d -> offers(tokens, List.of("icr-gitlab", "icr-github"), List.of("icr-github-ops")));
    }

    /** The innermost optional block holding the iCR fields, found by a field rather than by its title's wording. */
    private WebElement icrSection() {
        return browser.until(d -> d.findElement(By.xpath(
                "(//*[contains(@class, 'optionalBlock-container')][.//*[@name='_.icrServerUrl']])[last()]")));
    }

    private static boolean offers(WebElement select, List<String> offered, List<String> hidden) {
        List<String> options = Browser.options(select);
        return options.containsAll(offered) && hidden.stream().noneMatch(options::contains);
    }
}
