package io.jenkins.plugins.icr.token;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.jenkins.plugins.icr.token.render.VerdictFields;
import io.jenkins.plugins.icr.token.render.VerdictHtml;
import io.jenkins.plugins.icr.token.render.VerdictJson;
import io.jenkins.plugins.icr.token.render.VerdictText;
import io.jenkins.plugins.icr.token.provider.Http;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A local server that answers as a provider does, by request path, and a verifier pointed at it. Register it with
 * {@code @RegisterExtension}; one server per test.
 */
public final class ProviderServer implements BeforeEachCallback, AfterEachCallback {
    /** Verdicts are judged on this day, so expiry warnings do not drift with the calendar. */
    public static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

    private final Map<String, MockResponse> routes = new ConcurrentHashMap<>();
    private MockWebServer server;
    private Verifier verifier;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                MockResponse response = routes.get(path);
                return response != null ? response : json(404, "{\"message\":\"Not Found\"}");
            }
        });
        server.start();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        verifier = new Verifier(Http.defaultClient(), clock, new VerdictCache(Duration.ZERO, clock));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.close();
    }

    /** Answers requests for this path (below the server root) with this response, every time. */
    public ProviderServer on(String path, MockResponse response) {
        routes.put(path, response);
        return this;
    }

    public MockWebServer server() {
        return server;
    }

    public Verifier verifier() {
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
        Verdict verdict = verifier.verify(request);
        assertSecretsAbsent(verdict, request.token().reveal(), request.username());
        return verdict;
    }

    /** Every request the server received, in order. */
    public List<RecordedRequest> requests() throws InterruptedException {
        return requestsTo(server);
    }

    /** Every request a server received and nobody took yet, in order. */
    static List<RecordedRequest> requestsTo(MockWebServer server) throws InterruptedException {
        List<RecordedRequest> all = new ArrayList<>();
        RecordedRequest next;
        while ((next = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
            all.add(next);
        }
        return all;
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
                VerdictFields.of(verdict).toString(), verdict.toString())) {
            for (String form : forms) {
                assertFalse(output.toLowerCase(Locale.ROOT).contains(form.toLowerCase(Locale.ROOT)),
                        () -> "a form of the token leaked into: " + output);
            }
        }
    }
}
