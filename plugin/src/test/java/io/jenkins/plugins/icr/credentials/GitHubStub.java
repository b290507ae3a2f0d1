package io.jenkins.plugins.icr.credentials;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.Secret;
import io.jenkins.plugins.icr.credentials.impl.IcrVcsTokenImpl;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
    private static final DateTimeFormatter GITHUB_EXPIRY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final Map<String, MockResponse> byToken = new ConcurrentHashMap<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
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
                String token = String.valueOf(request.getHeaders().get("Authorization"))
                        .replaceFirst("^Bearer ", "");
                received.add(token);
                return byToken.getOrDefault(token, answer);
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
        return userBuilder(code, body, scopes).build();
    }

    /** octocat's token with these scopes, expiring then: GitHub names the expiry in a header of its own format. */
    public static MockResponse expiring(String scopes, Instant expiresAt) {
        return expiring("octocat", scopes, expiresAt);
    }

    private static MockResponse.Builder userBuilder(int code, String body, String scopes) {
        MockResponse.Builder response = new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json; charset=utf-8")
                .body(body);
        if (scopes != null) {
            response.setHeader("X-OAuth-Scopes", scopes);
        }
        return response;
    }

    /** Every token this server was sent, in order. */
    public List<String> receivedTokens() {
        return List.copyOf(received);
    }

    /** A GitHub {@code /user} answer for a classic token of that login with these scopes, expiring then. */
    public static MockResponse expiring(String login, String scopes, Instant expires) {
        return userBuilder(200, "{\"login\":\"" + login + "\"}", scopes)
                .setHeader("github-authentication-token-expiration", GITHUB_EXPIRY.format(expires))
                .build();
    }

    /** Declares this server, stores a token for it in the system store and returns the credential. */
    public IcrVcsTokenImpl addToken(JenkinsRule j, String id, String token) throws Exception {
        return addToken(CredentialsProvider.lookupStores(j.jenkins).iterator().next(), id, token);
    }

    /** Declares this server, stores a token for it in the given store and returns the credential. */
    public IcrVcsTokenImpl addToken(CredentialsStore store, String id, String token) throws Exception {
        IcrVcsTokenImpl credential = credential(id, token);
        store.addCredentials(Domain.global(), credential);
        return credential;
    }

    /** Declares this server and stores a token for it in the user's own store, which only its owner may fill. */
    public IcrVcsTokenImpl addUserToken(User user, String id, String token) throws Exception {
        try (ACLContext ignored = ACL.as2(user.impersonate2())) {
            return addToken(Stores.ownStore(user), id, token);
        }
    }

    /** Declares this server and returns a credential of a token for it, not stored anywhere yet. */
    public IcrVcsTokenImpl credential(String id, String token) throws Exception {
        declare();
        IcrVcsTokenImpl credential =
                new IcrVcsTokenImpl(CredentialsScope.GLOBAL, id, "iCR test token", "github", Secret.fromString(token));
        credential.setServerUrl(serverUrl());
        return credential;
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
