package io.jenkins.plugins.icr.credentials.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.EnvVars;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.TaskListener;
import io.jenkins.plugins.icr.credentials.GitHubStub;
import io.jenkins.plugins.icr.token.TestTokens;
import java.net.URL;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The job's iCR section: round trip, Field 2's choices and live check behind the consumer-guide gates, the build env. */
@WithJenkins
class IcrJobPropertyTest {
    @RegisterExtension
    final GitHubStub github = new GitHubStub();

    private JenkinsRule j;
    private String token;
    private FreeStyleProject project;

    @BeforeEach
    void setUp(JenkinsRule j) throws Exception {
        this.j = j;
        token = TestTokens.githubClassic();
        github.addToken(j, "icr-github", token);
        project = j.createFreeStyleProject("p");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to("reader")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE)
                .everywhere()
                .to("configurer"));
    }

    private IcrJobProperty property() {
        IcrJobProperty icr = new IcrJobProperty("https://icr.example.com", "icr-github");
        icr.setRepositoryUrl(github.serverUrl() + "/acme/widgets");
        return icr;
    }

    private WebResponse post(String user, String method, String... fields) throws Exception {
        JenkinsRule.WebClient client =
                j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login(user);
        WebRequest request = new WebRequest(
                new URL(client.getContextPath() + "job/p/descriptorByName/" + IcrJobProperty.class.getName() + "/"
                        + method),
                HttpMethod.POST);
        List<NameValuePair> parameters = new java.util.ArrayList<>();
        for (int i = 0; i < fields.length; i += 2) {
            parameters.add(new NameValuePair(fields[i], fields[i + 1]));
        }
        request.setRequestParameters(parameters);
        client.addCrumb(request);
        return client.getPage(request).getWebResponse();
    }

    @Test
    void configurationSurvivesTheForm() throws Exception {
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .toEveryone());
        project.addProperty(property());

        j.configRoundtrip(project);

        j.assertEqualDataBoundBeans(property(), project.getProperty(IcrJobProperty.class));
    }

    @Test
    void fieldTwoListsTokensOnlyToThoseWhoMaySeeThem() throws Exception {
        String listed = post("configurer", "fillVcsCredentialsIdItems", "vcsCredentialsId", "", "repositoryUrl", "")
                .getContentAsString();
        assertTrue(listed.contains("icr-github"), listed);

        String hidden = post("reader", "fillVcsCredentialsIdItems", "vcsCredentialsId", "current", "repositoryUrl", "")
                .getContentAsString();
        assertFalse(hidden.contains("icr-github"), hidden);
        assertTrue(hidden.contains("current"), "the current value only: " + hidden);
    }

    @Test
    void fieldTwoListsOnlyTokensOfTheRepositoryServer() throws Exception {
        String elsewhere = post(
                        "configurer",
                        "fillVcsCredentialsIdItems",
                        "vcsCredentialsId",
                        "",
                        "repositoryUrl",
                        "https://gitlab.com/acme/widgets")
                .getContentAsString();
        assertFalse(elsewhere.contains("icr-github"), elsewhere);
        String here = post(
                        "configurer",
                        "fillVcsCredentialsIdItems",
                        "vcsCredentialsId",
                        "",
                        "repositoryUrl",
                        github.serverUrl() + "/acme/widgets")
                .getContentAsString();
        assertTrue(here.contains("icr-github"), here);
    }

    @Test
    void choosingFieldTwoVerifiesTheTokenLiveForThoseWhoMayUseIt() throws Exception {
        WebResponse check = post("configurer", "checkVcsCredentialsId", "value", "icr-github", "repositoryUrl", "");
        String body = check.getContentAsString();
        assertTrue(body.contains("VALID") && body.contains("octocat"), body);
        assertFalse(body.contains(token));
        assertEquals(1, github.server().getRequestCount());
        post("configurer", "checkVcsCredentialsId", "value", "icr-github", "repositoryUrl", "");
        assertEquals(1, github.server().getRequestCount(), "a repeated change is answered from the cache");

        String reader = post("reader", "checkVcsCredentialsId", "value", "icr-github", "repositoryUrl", "")
                .getContentAsString();
        assertFalse(reader.contains("octocat"), reader);
        assertEquals(1, github.server().getRequestCount(), "no request for a user who may not see credentials");
    }

    @Test
    void getIsNotDispatched() throws Exception {
        JenkinsRule.WebClient client =
                j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("configurer");
        for (String method : List.of("fillVcsCredentialsIdItems", "checkVcsCredentialsId", "checkRepositoryUrl")) {
            WebRequest request = new WebRequest(
                    new URL(client.getContextPath() + "job/p/descriptorByName/" + IcrJobProperty.class.getName() + "/"
                            + method),
                    HttpMethod.GET);
            assertEquals(404, client.getPage(request).getWebResponse().getStatusCode(), method);
        }
    }

    @Test
    void buildsSeeThePublicValuesButNeverTheToken() throws Exception {
        project.addProperty(property());
        FreeStyleBuild build = j.buildAndAssertSuccess(project);

        EnvVars env = build.getEnvironment(TaskListener.NULL);

        assertEquals("https://icr.example.com", env.get("ICR_SERVER_URL"));
        assertEquals(github.serverUrl() + "/acme/widgets", env.get("ICR_REPOSITORY_URL"));
        assertEquals("github", env.get("ICR_VCS_PROVIDER"));
        assertEquals(github.serverUrl() + "/api/v3", env.get("ICR_VCS_API_URL"));
        assertFalse(env.containsValue(token));
    }
}
