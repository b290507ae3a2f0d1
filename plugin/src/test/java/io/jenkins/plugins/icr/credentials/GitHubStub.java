package io.jenkins.plugins.icr.credentials;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.util.Secret;
import io.jenkins.plugins.icr.credentials.impl.IcrVcsTokenImpl;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * A local server that answers {@code GET /api/v3/user} as GitHub Enterprise Server does, declared as an iCR VCS
 * server of the running Jenkins, and the credentials that point at it. Register it with {@code @RegisterExtension},
 * or use {@link #started()} with try-with-resources.
 */
public final class GitHubStub implements BeforeEachCallback, AfterEachCallback, AutoCloseable {
    /** The GitHub-Authentication-Token-Expiration header's format, as GitHub sends it. */
    private static final DateTimeFormatter EXPIRY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final Map<String, MockResponse> byToken = new ConcurrentHashMap<>();
    private volatile MockResponse answer = user(200, "{\"login\":\"octocat\"}", "repo, workflow, notifications");
    private MockWebServer server;

    public static GitHubStub started() throws IOException {
        GitHubStub stub = new GitHubStub();
        stub.start();
        return stub;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    private void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String authorization = String.valueOf(request.getHeaders().get("Authorization"));
                return byToken.getOrDefault(authorization.replaceFirst("^Bearer ", ""), answer);
            }
        });
        server.start();
    }

    /** Declares this server as the running Jenkins' only iCR VCS server. */
    public void declare() {
        IcrVcsServers.get().setServers(List.of(new IcrVcsServer("github", "Test GitHub", serverUrl())));
    }

    /** The web URL of this server, as a credential's server URL. */
    public String serverUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    public MockWebServer server() {
        return server;
    }

    /** The answer to every token without an answer of its own. */
    public void answer(MockResponse response) {
        this.answer = response;
    }

    /** The answer to this token only. */
    public void answer(String token, MockResponse response) {
        byToken.put(token, response);
    }

    /** A GitHub {@code /user} answer with a JSON body and, when given, the X-OAuth-Scopes header. */
    public static MockResponse user(int code, String body, String scopes) {
        MockResponse.Builder response = new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json; charset=utf-8")
                .body(body);
        if (scopes != null) {
            response.setHeader("X-OAuth-Scopes", scopes);
        }
        return response.build();
    }

    /** A GitHub {@code /user} answer for a classic token with these scopes that expires at that instant. */
    public static MockResponse expiring(String login, String scopes, Instant expires) {
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json; charset=utf-8")
                .setHeader("X-OAuth-Scopes", scopes)
                .setHeader("GitHub-Authentication-Token-Expiration", EXPIRY.format(expires))
                .body("{\"login\":\"" + login + "\"}")
                .build();
    }

    /** Declares this server, stores a token for it in the system store and returns the credential. */
    public IcrVcsTokenImpl addToken(JenkinsRule j, String id, String token) throws Exception {
        declare();
        return store(j, id, "iCR test token", "github", serverUrl(), token);
    }

    /** Stores a token in the system store and returns the credential. */
    public static IcrVcsTokenImpl store(
            JenkinsRule j, String id, String description, String provider, String serverUrl, String token)
            throws Exception {
        IcrVcsTokenImpl credential = new IcrVcsTokenImpl(
                CredentialsScope.GLOBAL, id, description, provider, Secret.fromString(token));
        credential.setServerUrl(serverUrl);
        CredentialsProvider.lookupStores(j.jenkins).iterator().next().addCredentials(Domain.global(), credential);
        return credential;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
