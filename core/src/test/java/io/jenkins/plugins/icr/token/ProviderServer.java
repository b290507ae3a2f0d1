package io.jenkins.plugins.icr.token;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.jenkins.plugins.icr.token.provider.Http;
import io.jenkins.plugins.icr.token.render.VerdictFields;
import io.jenkins.plugins.icr.token.render.VerdictHtml;
import io.jenkins.plugins.icr.token.render.VerdictJson;
import io.jenkins.plugins.icr.token.render.VerdictText;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one local server of the tests and the benchmark that answers as the providers do (docs/provider-apis.md): by
 * token ({@link #answer(String, MockResponse)}), by request path ({@link #on}), as a GitLab that keeps its tokens
 * ({@link #gitlab()}), as each provider answers a valid token ({@link #answeringAsProviders()}), and otherwise 404.
 * Its connections send without Nagle's delay, and {@link #latency} delays every answer as a distant provider would.
 *
 * <p>Register it with {@code @RegisterExtension} (one server per test), or {@link #start()} it and {@link #close()}
 * it by hand (try-with-resources, the benchmark).
 */
public final class ProviderServer implements BeforeEachCallback, AfterEachCallback, AutoCloseable {
    /** Verdicts are judged on this day, so expiry warnings do not drift with the calendar. */
    public static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

    private final Map<String, MockResponse> byToken = new ConcurrentHashMap<>();
    private final Map<String, MockResponse> routes = new ConcurrentHashMap<>();
    private final Queue<String> received = new ConcurrentLinkedQueue<>();
    private final Set<Integer> connections = ConcurrentHashMap.newKeySet();
    private final MockWebServer server = new MockWebServer();
    private volatile GitLabTokens gitlab;
    private volatile boolean asProviders;
    private volatile Duration latency = Duration.ZERO;
    private Verifier verifier;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    public ProviderServer start() throws IOException {
        server.setServerSocketFactory(new NoDelayServerSockets());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                MockResponse response = answer(request);
                return latency.isZero()
                        ? response
                        : response.newBuilder().headersDelay(latency.toMillis(), TimeUnit.MILLISECONDS).build();
            }
        });
        server.start();
        return this;
    }

    @Override
    public void close() {
        server.close();
    }

    /** Every answer's headers wait this long, as a provider's across a network would. */
    public ProviderServer latency(Duration delay) {
        latency = delay;
        return this;
    }

    /** Answers each provider's verification requests as it does for a valid token (see {@link ProviderAnswers}). */
    public ProviderServer answeringAsProviders() {
        asProviders = true;
        return this;
    }

    /**
     * A GitLab that keeps its tokens, answering below {@code /api/v4}: made on first call, the same one after. Get it
     * when the test is built ({@code final GitLabTokens gitlab = server.gitlab();}).
     */
    public synchronized GitLabTokens gitlab() {
        if (gitlab == null) {
            gitlab = new GitLabTokens(this);
        }
        return gitlab;
    }

    private MockResponse answer(RecordedRequest request) {
        connections.add(request.getConnectionIndex());
        String token = tokenOf(request);
        received.add(token);
        String path = request.getUrl().encodedPath();
        MockResponse response = byToken.getOrDefault(token, routes.get(path));
        if (response == null && gitlab != null) {
            response = gitlab.answer(request);
        }
        if (response == null && asProviders) {
            response = ProviderAnswers.validToken(path);
        }
        return response != null ? response : json(404, "{\"message\":\"Not Found\"}");
    }

    /** The token a request carries, as each provider reads it: PRIVATE-TOKEN, Bearer, or the password of Basic. */
    static String tokenOf(RecordedRequest request) {
        String privateToken = request.getHeaders().get("PRIVATE-TOKEN");
        if (privateToken != null) {
            return privateToken;
        }
        String authorization = String.valueOf(request.getHeaders().get("Authorization"));
        if (authorization.startsWith("Bearer ")) {
            return authorization.substring("Bearer ".length());
        }
        if (authorization.startsWith("Basic ")) {
            String pair = new String(Base64.getDecoder().decode(authorization.substring("Basic ".length())),
                    StandardCharsets.UTF_8);
            return pair.substring(pair.indexOf(':') + 1);
        }
        return "";
    }

    /** Answers this token with this response, whatever it asks: a token the provider rejects, or limits, everywhere. */
    public ProviderServer answer(String token, MockResponse response) {
        byToken.put(token, response);
        return this;
    }

    /** Answers requests for this path (below the server root) with this response, every time. */
    public ProviderServer on(String path, MockResponse response) {
        routes.put(path, response);
        return this;
    }

    public MockWebServer server() {
        return server;
    }

    public HttpUrl url(String path) {
        return server.url(path);
    }

    /**
     * The server's web URL, as a credential, a declared server or --server takes it. By address, so that
     * {@code localhost} remains another name for the same server, one nobody declared.
     */
    public String webUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** A verifier that judges on {@link #NOW} and caches nothing, made on first use. */
    public synchronized Verifier verifier() {
        if (verifier == null) {
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            verifier = new Verifier(Http.defaultClient(), clock, new VerdictCache(Duration.ZERO, clock));
        }
        return verifier;
    }

    /** The API base on this server, for --api-url style endpoints. */
    public Endpoint endpoint(Provider provider, String apiPath) {
        try {
            return Endpoint.fromApi(provider, server.url(apiPath).toString(), EndpointPolicy.allowingHttp());
        } catch (InvalidInputException e) {
            throw new AssertionError(e);
        }
    }

    public VerificationRequest request(Provider provider, String apiPath, String username, String token) {
        return VerificationRequest.of(endpoint(provider, apiPath), username, Token.of(token));
    }

    /**
     * Verifies with this server's verifier and checks that the token shows in no rendering of the verdict, in none
     * of the forms it travels in.
     */
    public Verdict verify(VerificationRequest request) {
        Verdict verdict = verifier().verify(request);
        assertSecretsAbsent(verdict, request.token().reveal(), request.username());
        return verdict;
    }

    /** Every request the server received and nobody took yet, in order. */
    public List<RecordedRequest> requests() throws InterruptedException {
        List<RecordedRequest> all = new ArrayList<>();
        RecordedRequest next;
        while ((next = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
            all.add(next);
        }
        return all;
    }

    /** Every token the server was sent, in order; an empty one for a request without any. */
    public List<String> receivedTokens() {
        return List.copyOf(received);
    }

    /** Connections the clients opened to the server: with keep-alive, a handful for many requests. */
    public int connections() {
        return connections.size();
    }

    /** Forgets the requests and tokens recorded so far, so that they do not count in a heap measurement. */
    public void forgetRequests() throws InterruptedException {
        received.clear();
        while (server.takeRequest(0, TimeUnit.MILLISECONDS) != null) {
            // drained
        }
    }

    public RecordedRequest onlyRequest() throws InterruptedException {
        List<RecordedRequest> all = requests();
        if (all.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + all.size() + ": " + all);
        }
        return all.get(0);
    }

    public static MockResponse json(int code, String body) {
        return json(code, body, Headers.of());
    }

    public static MockResponse json(int code, String body, Headers headers) {
        return new MockResponse.Builder()
                .code(code)
                .headers(headers)
                .setHeader("Content-Type", "application/json; charset=utf-8")
                .body(body)
                .build();
    }

    /** The token appears nowhere a person or a log could see it. */
    public static void assertTokenAbsent(Verdict verdict, String token) {
        assertSecretsAbsent(verdict, token, null);
    }

    /**
     * Neither the token, nor its URL encoding, nor the Basic credential {@code base64(username:token)} (when a
     * username is given) appears in any rendering of the verdict: text, HTML, JSON, the Pipeline fields, toString.
     */
    public static void assertSecretsAbsent(Verdict verdict, String token, String username) {
        assertNotNull(verdict);
        if (token.isEmpty()) {
            return;
        }
        List<String> forms = new ArrayList<>(List.of(token, URLEncoder.encode(token, StandardCharsets.UTF_8)));
        if (username != null) {
            forms.add(Base64.getEncoder().encodeToString((username + ":" + token).getBytes(StandardCharsets.UTF_8))
                    .replaceAll("=+$", ""));
        }
        for (String output : List.of(VerdictText.render(verdict), VerdictHtml.render(verdict), VerdictJson.render(verdict),
                VerdictFields.of(verdict, Locale.ROOT).toString(), verdict.toString())) {
            for (String form : forms) {
                assertFalse(output.toLowerCase(Locale.ROOT).contains(form.toLowerCase(Locale.ROOT)),
                        () -> "a form of the token leaked into: " + output);
            }
        }
    }
}
