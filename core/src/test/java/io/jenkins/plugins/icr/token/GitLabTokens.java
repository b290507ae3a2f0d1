package io.jenkins.plugins.icr.token;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A GitLab that keeps its tokens, the part of {@link ProviderServer} that answers below {@code /api/v4}:
 * {@code /personal_access_tokens/self}, {@code /user} and {@code POST /personal_access_tokens/self/rotate} as GitLab
 * does (docs/provider-apis.md §2.8): rotation revokes the old token and issues a new one of the same family; a revoked
 * token that asks to be rotated gets 401 and revokes every active token of its family (reuse detection). Get it from
 * {@link ProviderServer#gitlab()}.
 */
public final class GitLabTokens {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/api/v4";
    private static final String SELF = API + "/personal_access_tokens/self";
    private static final String ROTATE = SELF + "/rotate";

    /** How the server behaves after it has rotated a token. */
    public enum AfterRotation {
        /** Answers 200 with the new token. */
        ANSWER,
        /** Closes the connection without answering, as when the network or a proxy drops the answer. */
        DROP_ANSWER,
        /** Answers 500, as when a step after GitLab's commit fails. */
        FAIL_AFTER_COMMIT
    }

    private final ProviderServer server;
    private final Map<String, Pat> tokens = new LinkedHashMap<>();
    private final AtomicInteger rotateRequests = new AtomicInteger();
    private final AtomicInteger nextId = new AtomicInteger(40);
    private LocalDate today = LocalDate.parse("2026-11-30");
    private boolean rotationSupported = true;
    private int maxLifetimeDays = 365;
    private AfterRotation afterRotation = AfterRotation.ANSWER;
    private volatile CountDownLatch held;

    GitLabTokens(ProviderServer server) {
        this.server = server;
    }

    /** Issues a token with these scopes, created on {@code createdOn} and expiring on {@code expiresOn} (or never). */
    public synchronized String issue(List<String> scopes, LocalDate createdOn, LocalDate expiresOn) {
        String value = TestTokens.gitlab();
        tokens.put(value, new Pat(nextId.getAndIncrement(), null, "iCR Jenkins", List.copyOf(scopes), createdOn, expiresOn));
        return value;
    }

    /** An {@code api} token created 90 days ago that expires in 5 days. */
    public String issueExpiringSoon() {
        return issue(List.of("api"), today.minusDays(90), today.plusDays(5));
    }

    /** The server's calendar; tokens expire at the start of their date. */
    public synchronized GitLabTokens today(LocalDate date) {
        today = date;
        return this;
    }

    /** A server older than 16.10 has no rotation endpoint. */
    public synchronized GitLabTokens withoutRotation() {
        rotationSupported = false;
        return this;
    }

    /** The administrator's maximum lifetime of access tokens. */
    public synchronized GitLabTokens maxLifetimeDays(int days) {
        maxLifetimeDays = days;
        return this;
    }

    public synchronized GitLabTokens afterRotation(AfterRotation behaviour) {
        afterRotation = behaviour;
        return this;
    }

    /** From now on, each rotation happens at once but its answer waits for {@link #releaseRotationAnswers()}. */
    public GitLabTokens holdRotationAnswers() {
        held = new CountDownLatch(1);
        return this;
    }

    public void releaseRotationAnswers() {
        held.countDown();
    }

    public synchronized boolean isActive(String token) {
        Pat pat = tokens.get(token);
        return pat != null && pat.active(today);
    }

    public synchronized boolean isRevoked(String token) {
        Pat pat = tokens.get(token);
        return pat != null && pat.revoked;
    }

    public synchronized LocalDate expiryOf(String token) {
        return tokens.get(token).expiresOn;
    }

    /** The token that replaced this one, or null. */
    public synchronized String successorOf(String token) {
        int id = tokens.get(token).id;
        return tokens.entrySet().stream()
                .filter(e -> Integer.valueOf(id).equals(e.getValue().previousId))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    /** Rotation requests received, answered or not. */
    public int rotateRequests() {
        return rotateRequests.get();
    }

    /**
     * What a careless client does, or what a request lost on its way back did: the rotation request alone, with
     * this token. Answers GitLab's status code.
     */
    public int rotateDirectly(String token) throws IOException {
        try (Response response = new OkHttpClient().newCall(new Request.Builder()
                        .url(server.url(ROTATE))
                        .header("PRIVATE-TOKEN", token)
                        .post(RequestBody.create(new byte[0]))
                        .build())
                .execute()) {
            return response.code();
        }
    }

    /** GitLab's answer to a request below {@code /api/v4}, or null for any other path. */
    MockResponse answer(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (!path.startsWith(API + "/")) {
            return null;
        }
        if (path.equals(ROTATE) && request.getMethod().equals("POST")) {
            rotateRequests.incrementAndGet();
            return rotate(request);
        }
        synchronized (this) {
            if (path.equals(SELF) && request.getMethod().equals("GET")) {
                Pat pat = authenticated(request);
                return pat == null ? refusal(request) : json(200, describe(pat));
            }
            if (path.equals(API + "/user") && request.getMethod().equals("GET")) {
                return authenticated(request) == null
                        ? refusal(request)
                        : json(200, JSON.createObjectNode().put("id", 3).put("username", "jdoe"));
            }
        }
        return json(404, JSON.createObjectNode().put("error", "404 Not Found"));
    }

    private MockResponse rotate(RecordedRequest request) {
        MockResponse answer;
        synchronized (this) {
            if (!rotationSupported) {
                // Older servers have no such route: Grape's catch-all answers before any authentication.
                return json(404, JSON.createObjectNode().put("error", "404 Not Found"));
            }
            Pat pat = tokens.get(ProviderServer.tokenOf(request));
            if (pat != null && pat.revoked) {
                // Reuse detection: a rotated (or revoked) token asking to rotate revokes its whole family.
                revokeDescendantsOf(pat);
                return refusal(request);
            }
            if (pat == null || !pat.active(today)) {
                return refusal(request);
            }
            if (!pat.scopes.contains("api") && !pat.scopes.contains("self_rotate")) {
                return json(403, JSON.createObjectNode()
                        .put("error", "insufficient_scope")
                        .put("error_description", "The request requires higher privileges than provided by the access token.")
                        .put("scope", "api self_rotate"));
            }
            LocalDate expiresOn = requestedExpiry(request);
            LocalDate limit = today.plusDays(maxLifetimeDays);
            if (expiresOn != null && expiresOn.isAfter(limit)) {
                return json(400, JSON.createObjectNode()
                        .put("message", "400 Bad request - Expiration date must be before " + limit));
            }
            pat.revoked = true;
            String value = TestTokens.gitlab();
            Pat successor = new Pat(nextId.getAndIncrement(), pat.id, pat.name, pat.scopes, today, expiresOn);
            tokens.put(value, successor);
            ObjectNode body = describe(successor).put("token", value);
            answer = switch (afterRotation) {
                case ANSWER -> json(200, body);
                case DROP_ANSWER -> new MockResponse.Builder()
                        .onResponseStart(new SocketEffect.CloseSocket(true, false, false))
                        .build();
                case FAIL_AFTER_COMMIT -> json(500, JSON.createObjectNode().put("message", "500 Internal Server Error"));
            };
        }
        CountDownLatch latch = held;
        if (latch != null) {
            try {
                latch.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return answer;
    }

    /** Without an expiry, GitLab sets one week where expiry is required, as it is by default since 16.0. */
    private LocalDate requestedExpiry(RecordedRequest request) {
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        for (String pair : body.split("&")) {
            if (pair.startsWith("expires_at=")) {
                return LocalDate.parse(URLDecoder.decode(pair.substring("expires_at=".length()), StandardCharsets.UTF_8));
            }
        }
        return today.plusWeeks(1);
    }

    private void revokeDescendantsOf(Pat ancestor) {
        List<Integer> family = new ArrayList<>(List.of(ancestor.id));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Pat pat : tokens.values()) {
                if (pat.previousId != null && family.contains(pat.previousId) && !family.contains(pat.id)) {
                    family.add(pat.id);
                    grew = true;
                }
            }
        }
        tokens.values().stream().filter(p -> family.contains(p.id)).forEach(p -> p.revoked = true);
    }

    private Pat authenticated(RecordedRequest request) {
        Pat pat = tokens.get(ProviderServer.tokenOf(request));
        return pat != null && pat.active(today) ? pat : null;
    }

    /** The 401 bodies of GitLab's API guard (docs/provider-apis.md §2.4). */
    private MockResponse refusal(RecordedRequest request) {
        Pat pat = tokens.get(ProviderServer.tokenOf(request));
        if (pat == null) {
            return json(401, JSON.createObjectNode().put("message", "401 Unauthorized"));
        }
        String description = pat.revoked
                ? "Token was revoked. You have to re-authorize from the user."
                : "Token is expired. You can either do re-authorization or token refresh.";
        return json(401, JSON.createObjectNode().put("error", "invalid_token").put("error_description", description),
                Headers.of("WWW-Authenticate", "Bearer realm=\"\", error=\"invalid_token\", error_description=\""
                        + description + "\""));
    }

    private ObjectNode describe(Pat pat) {
        ObjectNode node = JSON.createObjectNode()
                .put("id", pat.id)
                .put("name", pat.name)
                .put("revoked", pat.revoked)
                .put("created_at", pat.createdOn + "T14:31:47.729Z")
                .put("description", "")
                .put("user_id", 3)
                .putNull("last_used_at")
                .put("active", pat.active(today));
        pat.scopes.forEach(node.putArray("scopes")::add);
        if (pat.expiresOn == null) {
            node.putNull("expires_at");
        } else {
            node.put("expires_at", pat.expiresOn.toString());
        }
        return node;
    }

    private static MockResponse json(int code, ObjectNode body) {
        return json(code, body, Headers.of());
    }

    private static MockResponse json(int code, ObjectNode body, Headers headers) {
        return ProviderServer.json(code, body.toString(), headers);
    }

    /** One access token as GitLab keeps it; {@code previousId} links a rotated token to the one it replaced. */
    private static final class Pat {
        final int id;
        final Integer previousId;
        final String name;
        final List<String> scopes;
        final LocalDate createdOn;
        final LocalDate expiresOn;
        boolean revoked;

        Pat(int id, Integer previousId, String name, List<String> scopes, LocalDate createdOn, LocalDate expiresOn) {
            this.id = id;
            this.previousId = previousId;
            this.name = name;
            this.scopes = scopes;
            this.createdOn = createdOn;
            this.expiresOn = expiresOn;
        }

        boolean active(LocalDate today) {
            return !revoked && (expiresOn == null || today.isBefore(expiresOn));
        }
    }
}
