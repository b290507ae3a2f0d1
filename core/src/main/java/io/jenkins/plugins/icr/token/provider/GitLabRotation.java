package io.jenkins.plugins.icr.token.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.icr.token.ApiText;
import io.jenkins.plugins.icr.token.Endpoint;
import io.jenkins.plugins.icr.token.InvalidInputException;
import io.jenkins.plugins.icr.token.Provider;
import io.jenkins.plugins.icr.token.Rotation;
import io.jenkins.plugins.icr.token.Rotation.NotRotated;
import io.jenkins.plugins.icr.token.Rotation.Reason;
import io.jenkins.plugins.icr.token.RotationRequest;
import io.jenkins.plugins.icr.token.Text;
import io.jenkins.plugins.icr.token.Token;
import io.jenkins.plugins.icr.token.TokenKind;
import java.io.Serial;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Renews a GitLab token by itself (docs/provider-apis.md §2.8): {@code GET /personal_access_tokens/self}, then
 * {@code POST /personal_access_tokens/self/rotate} with the new expiry. The GET is the safety catch: when a revoked
 * token asks to be rotated, GitLab revokes every token descended from it (reuse detection), so the POST only goes
 * out for a token GitLab has just called active, and only once.
 */
public final class GitLabRotation {
    /** GitLab's refusal of a lifetime beyond its maximum names the limit (docs/provider-apis.md §2.8). */
    private static final Pattern SERVER_LIMIT = Pattern.compile("must be before (\\d{4}-\\d{2}-\\d{2})");

    private GitLabRotation() {}

    public static Rotation rotate(Http http, RotationRequest request, Clock clock) {
        try {
            refuseInvalid(request);
            Deadline deadline = Deadline.after(request.timeout());
            Self self = inspect(http, request, deadline, clock);
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            LocalDate expiresOn = newExpiry(self.json(), request.lifetimeDays(), today);
            return send(http, request.endpoint(), self.credentials(), expiresOn, today, deadline);
        } catch (Stop stop) {
            return stop.outcome;
        }
    }

    private static void refuseInvalid(RotationRequest request) throws Stop {
        Provider provider = request.endpoint().provider();
        if (provider != Provider.GITLAB) {
            throw notRotated(Reason.INVALID_INPUT, Text.of("rotation.notGitLab", provider.displayName()));
        }
        try {
            TokenKind.classify(provider, request.token(), null);
        } catch (InvalidInputException e) {
            throw notRotated(Reason.INVALID_INPUT, e.text());
        }
    }

    /** GitLab's word on the token as it is now; anything but an active token stops here, before the POST. */
    private static Self inspect(Http http, RotationRequest request, Deadline deadline, Clock clock) throws Stop {
        HttpUrl url = request.endpoint().resolve("personal_access_tokens", "self");
        Credentials used = Credentials.privateToken(request.token());
        ApiResponse self = get(http, url, used, deadline);
        // As in verification: a proxy in front of a self-managed server may drop PRIVATE-TOKEN (docs/provider-apis.md §2.1).
        if (self.code() == 401 && !request.endpoint().isPublicService()) {
            Credentials bearer = Credentials.bearer(request.token());
            ApiResponse retried = get(http, url, bearer, deadline);
            if (retried.code() != 401) {
                self = retried;
                used = bearer;
            }
        }
        try {
            Faults.rejectCommon(self, TokenKind.GITLAB_PAT, clock);
        } catch (Refusal r) {
            throw notRotated(Reason.UNREACHABLE, Text.of("rotation.nothingRenewed", r.answer().message()));
        }
        String said = self.providerMessage();
        switch (self.code()) {
            case 401 -> throw notRotated(Reason.REJECTED, Text.of("rotation.rejected", ApiText.quoted(said)));
            case 400 -> throw notRotated(Reason.UNSUPPORTED, Text.of("rotation.otherKind", ApiText.quoted(said)));
            case 403 -> throw notRotated(Reason.NOT_PERMITTED, Text.of("rotation.forbidden", ApiText.quoted(said)));
            case 404 -> throw notRotated(Reason.UNSUPPORTED, Text.of("rotation.old"));
            default -> {
                if (!self.ok()) {
                    throw notRotated(Reason.UNREACHABLE, Text.of("rotation.nothingRenewed", Text.of("refused.unexpected",
                            url.host(), String.valueOf(self.code()), ApiText.quoted(said), "GitLab")));
                }
            }
        }
        JsonNode token = self.json();
        if (token.path("revoked").asBoolean(false) || !token.path("active").asBoolean(true)) {
            throw notRotated(Reason.REJECTED, Text.of(token.path("revoked").asBoolean(false)
                    ? "rotation.revoked" : "rotation.inactive"));
        }
        return new Self(used, token);
    }

    /**
     * The expiry to ask for: the lifetime given, or the token's own (creation to expiry), counted from today and
     * capped at GitLab's longest; null when the token does not expire and no lifetime was given. Without an
     * expiry GitLab would choose one week where expiry is required (docs/provider-apis.md §2.8).
     */
    static LocalDate newExpiry(JsonNode self, Integer lifetimeDays, LocalDate today) {
        if (lifetimeDays != null) {
            return today.plusDays(capped(lifetimeDays));
        }
        LocalDate expires = date(text(self, "expires_at"));
        if (expires == null) {
            return null;
        }
        LocalDate created = createdOn(text(self, "created_at"));
        long lifetime = created == null ? RotationRequest.MAX_LIFETIME_DAYS : ChronoUnit.DAYS.between(created, expires);
        return today.plusDays(capped(lifetime));
    }

    private static Rotation send(Http http, Endpoint endpoint, Credentials credentials, LocalDate expiresOn,
            LocalDate today, Deadline deadline) throws Stop {
        HttpUrl url = endpoint.resolve("personal_access_tokens", "self", "rotate");
        ApiResponse answer = post(http, url, credentials, expiresOn, deadline);
        LocalDate limit = answer.code() == 400 ? serverLimit(answer.providerMessage()) : null;
        if (expiresOn != null && limit != null && limit.isBefore(expiresOn.plusDays(1)) && limit.isAfter(today.plusDays(1))) {
            // A 400 changed nothing (GitLab rolls the revocation back with the failed creation), so asking again
            // within the limit the server named is safe.
            answer = post(http, url, credentials, limit.minusDays(1), deadline);
        }
        return interpret(answer);
    }

    private static Rotation interpret(ApiResponse answer) {
        int code = answer.code();
        String host = answer.url().host();
        String said = answer.providerMessage();
        if (answer.ok()) {
            String token = answer.text("token");
            if (token == null || token.isBlank()) {
                return uncertain(Text.of(answer.json() == null ? "rotation.noToken.notJson" : "rotation.noToken",
                        host, String.valueOf(code)));
            }
            return new Rotation.Rotated(Token.of(token), date(answer.text("expires_at")), scopes(answer.json()));
        }
        if (code >= 500) {
            return uncertain(Text.of("rotation.serverError", host, String.valueOf(code), ApiText.quoted(said)));
        }
        if (code >= 300 && code < 400) {
            return new NotRotated(Reason.UNREACHABLE, Text.of("rotation.redirect", host, String.valueOf(code)));
        }
        return switch (code) {
            case 401 -> new NotRotated(Reason.REJECTED, Text.of("rotation.rotate.rejected", ApiText.quoted(said)));
            case 403 -> new NotRotated(Reason.NOT_PERMITTED, Text.of("rotation.rotate.forbidden", ApiText.quoted(said)));
            case 404 -> new NotRotated(Reason.UNSUPPORTED, Text.of("rotation.rotate.missing"));
            case 405 -> new NotRotated(Reason.UNSUPPORTED, Text.of("rotation.rotate.kind", ApiText.quoted(said)));
            case 429 -> new NotRotated(Reason.UNREACHABLE, Text.of("rotation.rateLimit", host));
            default -> new NotRotated(Reason.REFUSED, Text.of("rotation.refused", String.valueOf(code), ApiText.quoted(said)));
        };
    }

    private static ApiResponse get(Http http, HttpUrl url, Credentials credentials, Deadline deadline) throws Stop {
        try {
            return http.get(url, credentials, List.of(), deadline);
        } catch (Unreachable e) {
            throw notRotated(Reason.UNREACHABLE, Text.of("rotation.nothingRenewed", e.text()));
        }
    }

    private static ApiResponse post(Http http, HttpUrl url, Credentials credentials, LocalDate expiresOn,
            Deadline deadline) throws Stop {
        Map<String, String> form = expiresOn == null ? Map.of() : Map.of("expires_at", expiresOn.toString());
        try {
            return http.postOnce(url, credentials, form, deadline);
        } catch (Unreachable e) {
            throw notRotated(Reason.UNREACHABLE, Text.of("rotation.nothingRenewed", e.text()));
        } catch (Unanswered e) {
            throw new Stop(uncertain(e.text()));
        }
    }

    private static LocalDate serverLimit(String said) {
        if (said == null) {
            return null;
        }
        Matcher m = SERVER_LIMIT.matcher(said);
        return m.find() ? date(m.group(1)) : null;
    }

    private static long capped(long days) {
        return Math.max(1, Math.min(days, RotationRequest.MAX_LIFETIME_DAYS));
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json == null ? null : json.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDate createdOn(String text) {
        try {
            return text == null ? null : OffsetDateTime.parse(text).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<String> scopes(JsonNode token) {
        List<String> scopes = new ArrayList<>();
        token.path("scopes").forEach(s -> scopes.add(s.asText()));
        return scopes;
    }

    /** What is known, and what to do while nobody can tell whether GitLab rotated the token. */
    private static Rotation.Uncertain uncertain(Text known) {
        return new Rotation.Uncertain(Text.of("rotation.uncertain", known));
    }

    private static Stop notRotated(Reason reason, Text message) {
        return new Stop(new NotRotated(reason, message));
    }

    /** What GitLab said of the token, and the header it accepted. */
    private record Self(Credentials credentials, JsonNode json) {}

    /** Ends a renewal early with its outcome, so that the happy path reads top to bottom. */
    private static final class Stop extends Exception {
        @Serial
        private static final long serialVersionUID = 1L;

        private final transient Rotation outcome;

        Stop(Rotation outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }
}
