package io.jenkins.plugins.icr.credentials.browser;

import static io.jenkins.plugins.icr.token.ProviderAnswers.GITHUB_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleProject;
import io.jenkins.plugins.icr.credentials.TestCredentials;
import io.jenkins.plugins.icr.credentials.job.IcrJobProperty;
import io.jenkins.plugins.icr.credentials.steps.IcrVerifyTokenBuilder;
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
import org.openqa.selenium.support.ui.Select;

/**
 * A job's configuration in a real browser. Its iCR section: the VCS token chosen in the list is verified at once,
 * before anything is saved, and the list offers only the tokens of the repository's server. The build step
 * <em>Verify the iCR VCS token</em>: the same list and check, with the Pipeline step's form and help.
 */
@WithJenkins
class JobSectionBrowserTest {
    private static final String ACCOUNT = "ci-bot";

    @RegisterExtension
    final Browser browser = new Browser();

    @RegisterExtension
    final ProviderServer github = new ProviderServer().answeringAsProviders();

    /** Declares the example servers and stores a GitHub token whose owner the provider will name; returns it. */
    private String storeGitHubToken(JenkinsRule j) throws Exception {
        ExampleHosts.declare(j, github.server().getPort(), ExampleHosts.github(), ExampleHosts.gitlab());
        github.on(
                GITHUB_USER,
                ProviderAnswers.githubUser(200, "{\"login\":\"" + ACCOUNT + "\"}", "repo, workflow, notifications"));
        String token = TestTokens.githubClassic();
        TestCredentials.store(j, "icr-github", "iCR on GitHub Enterprise", "github", ExampleHosts.GITHUB, token);
        return token;
    }

    @Test
    void chosenTokenIsVerifiedLiveAndTheListFollowsTheRepository(JenkinsRule j) throws Exception {
        String token = storeGitHubToken(j);
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

        WebElement verdict = choose("vcsCredentialsId", "icr-github");
        assertTrue(verdict.getText().contains(ACCOUNT), verdict.getText());
        assertNull(project.getProperty(IcrJobProperty.class), "the verdict came before any save");
        assertFalse(browser.driver().getPageSource().contains(token), "the page shows the token");
        browser.screenshot("job-icr-section", section);

        browser.set("repositoryUrl", ExampleHosts.GITLAB + "/acme/widgets");
        // The chosen token stays listed, as the credentials consumer guide asks, so that nothing is lost unseen.
        browser.until(d -> offers(tokens, List.of("icr-gitlab", "icr-github"), List.of("icr-github-ops")));
    }

    /**
     * The freestyle build step, on the form it shares with the Pipeline step: its own descriptor fills and checks the
     * token list, and its help is the step's.
     */
    @Test
    void buildStepListsTheTokensVerifiesTheChosenOneAndShowsTheSharedHelp(JenkinsRule j) throws Exception {
        String token = storeGitHubToken(j);
        j.createFreeStyleProject("widgets").getBuildersList().add(new IcrVerifyTokenBuilder());

        browser.open(j, "job/widgets/configure");
        WebElement tokens = browser.visible(By.name("_.credentialsId"));
        browser.until(d -> Browser.options(tokens).equals(List.of("", "icr-github")));
        assertEquals(
                "The job's VCS token (iCR section)",
                new Select(tokens).getFirstSelectedOption().getText());

        WebElement verdict = choose("credentialsId", "icr-github");
        assertTrue(verdict.getText().contains(ACCOUNT), verdict.getText());
        assertFalse(browser.driver().getPageSource().contains(token), "the page shows the token");

        WebElement entry = tokens.findElement(By.xpath("./ancestor::*[contains(@class, 'jenkins-form-item')][1]"));
        browser.click(entry.findElement(By.cssSelector(".jenkins-help-button")));
        browser.until(d -> entry.getText().contains("The list offers the iCR VCS tokens the job's builds may use"));
    }

    /** Chooses a token in a list and waits for its verdict below the list. */
    private WebElement choose(String field, String id) {
        browser.set(field, id);
        return browser.until(d -> browser.checkOf(field).findElements(By.cssSelector(".icr-verdict")).stream()
                .findFirst()
                .orElse(null));
    }

    /** The innermost optional block holding the iCR fields, found by a field rather than by its title's wording. */
    private WebElement icrSection() {
        return browser.until(d -> d.findElement(
                By.xpath("(//*[contains(@class, 'optionalBlock-container')][.//*[@name='_.icrServerUrl']])[last()]")));
    }

    private static boolean offers(WebElement select, List<String> offered, List<String> hidden) {
        List<String> options = Browser.options(select);
        return options.containsAll(offered) && hidden.stream().noneMatch(options::contains);
    }
}
