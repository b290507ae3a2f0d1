package io.jenkins.plugins.icr.credentials.impl;

import static io.jenkins.plugins.icr.credentials.FormPosts.post;
import static io.jenkins.plugins.icr.token.ProviderAnswers.GITHUB_USER;
import static io.jenkins.plugins.icr.token.ProviderAnswers.githubUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.ProxyConfiguration;
import io.jenkins.plugins.icr.credentials.IcrVcsServer;
import io.jenkins.plugins.icr.credentials.IcrVcsServers;
import io.jenkins.plugins.icr.credentials.TestCredentials;
import io.jenkins.plugins.icr.token.ProviderServer;
import io.jenkins.plugins.icr.token.TestTokens;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The Verify token button against a local server that answers as GitHub does, declared as an enterprise server. */
@WithJenkins
class IcrVcsTokenVerifyTest {
    @RegisterExtension
    final ProviderServer github = new ProviderServer().answeringAsProviders();

    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule j) {
        this.j = j;
        TestCredentials.declare(github);
    }

    private String verify(String serverUrl, String token) throws Exception {
        WebResponse response = post(
                j,
                null,
                IcrVcsTokenImpl.class,
                "verify",
                Map.of(
                        "provider",
                        "github",
                        "serverUrl",
                        serverUrl,
                        "login",
                        "",
                        "token",
                        token,
                        "requiredScopes",
                        ""));
        assertEquals(200, response.getStatusCode());
        String body = response.getContentAsString();
        assertFalse(body.contains(token), "the form response shows the token");
        return body;
    }

    @Test
    void validTokenShowsItsAccountAndScopes() throws Exception {
        String token = TestTokens.githubClassic();

        String body = verify(github.webUrl(), token);

        assertTrue(body.contains("VALID") && body.contains("octocat"), body);
        RecordedRequest request = github.server().takeRequest();
        assertEquals("/api/v3/user", request.getUrl().encodedPath());
        assertEquals("Bearer " + token, request.getHeaders().get("Authorization"));
    }

    @Test
    void missingScopesAreNamedWithTheFixLink() throws Exception {
        github.on(GITHUB_USER, githubUser(200, "{\"login\":\"octocat\"}", "repo"));

        String body = verify(github.webUrl(), TestTokens.githubClassic());

        assertTrue(body.contains("<strong>Missing scopes</strong>") && body.contains("workflow, notifications"), body);
        assertTrue(body.contains("data-status=\"MISSING_SCOPES\""), "the constant only for machines: " + body);
        assertTrue(
                body.matches(
                        "(?s).*<li><a href=\"[^\"]*/settings/tokens/new\\?scopes=[^\"]*\"[^>]*>Create a new classic token</a>"
                                + " with repo, workflow, notifications ticked;.*"),
                "the link is part of its sentence: " + body);
    }

    @Test
    void rejectedTokenSaysSo() throws Exception {
        github.on(GITHUB_USER, githubUser(401, "{\"message\":\"Bad credentials\"}", null));

        assertTrue(verify(github.webUrl(), TestTokens.githubClassic()).contains("<strong>Rejected</strong>"));
    }

    @Test
    void hostileProviderOutputIsEscaped() throws Exception {
        github.on(
                GITHUB_USER,
                githubUser(200, "{\"login\":\"<script>alert(1)</script>\"}", "repo, workflow, notifications"));

        String body = verify(github.webUrl(), TestTokens.githubClassic());

        assertFalse(body.contains("<script>alert(1)</script>"), body);
        assertTrue(body.contains("&lt;script&gt;"), body);
    }

    @Test
    void undeclaredServerIsRefusedWithoutARequest() throws Exception {
        String body = verify("http://localhost:" + github.server().getPort(), TestTokens.githubClassic());

        assertTrue(body.contains("INVALID_INPUT"), body);
        assertEquals(0, github.server().getRequestCount());
    }

    @Test
    void requestsGoThroughTheJenkinsProxy() throws Exception {
        IcrVcsServers.get()
                .setServers(List.of(new IcrVcsServer("github", "Behind the proxy", "http://github.example.test")));
        j.jenkins.setProxy(new ProxyConfiguration("127.0.0.1", github.server().getPort()));

        String body = verify("http://github.example.test", TestTokens.githubClassic());

        assertTrue(body.contains("VALID"), body);
        RecordedRequest request = github.server().takeRequest();
        assertTrue(request.getTarget().startsWith("http://github.example.test/api/v3/user"), request.getTarget());
    }
}
