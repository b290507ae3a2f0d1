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

    private static final String UNCERTAIN = " The rotation request may have reached GitLab: if it did, the old token"
            + " is revoked and its replacement never arrived. Verify the token (a read, which is safe) before anything"
            + " else, and do not renew it again until that is known: GitLab would also revoke the replacement.";

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
            throw notRotated(Reason.INVALID_INPUT, "Only GitLab tokens can renew themselves; this is a "
                    + provider.displayName() + " token.");
        }
        try {
            TokenKind.classify(provider, request.token(), null);
        } catch (InvalidInputException e) {
            throw notRotated(Reason.INVALID_INPUT, e.getMessage());
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
            throw notRotated(Reason.UNREACHABLE, r.getMessage() + " Nothing was renewed.");
        }
        String said = self.providerMessage();
        switch (self.code()) {
            case 401 -> throw notRotated(Reason.REJECTED, "GitLab refused the token" + ApiText.quoted(said) + ", so"
                    + " it was not renewed: a token GitLab does not accept can only be replaced by a new one."
                    + " Create a token and paste it into the credential.");
            case 400 -> throw notRotated(Reason.UNSUPPORTED, "GitLab accepts the token but it is not a personal,"
                    + " project or group access token" + ApiText.quoted(said) + "; only those renew themselves.");
            case 403 -> throw notRotated(Reason.NOT_PERMITTED, "GitLab refuses the token" + ApiText.quoted(said)
                    + "; an IP restriction, a locked account or too many failed attempts may be the cause.");
            case 404 -> throw notRotated(Reason.UNSUPPORTED, "This server cannot renew tokens: it has no"
                    + " /personal_access_tokens/self, so it is older than GitLab 15.5 (tokens renew themselves from"
                    + " GitLab 16.10). Renew the token by hand, or check the server URL.");
            default -> {
                if (!self.ok()) {
                    throw notRotated(Reason.UNREACHABLE, url.host() + " answered HTTP " + self.code()
                            + ApiText.quoted(said) + " where the GitLab API was expected. Nothing was renewed.");
                }
            }
        }
        JsonNode token = self.json();
        if (token.path("revoked").asBoolean(false) || !token.path("active").asBoolean(true)) {
            throw notRotated(Reason.REJECTED, "GitLab reports the token as "
                    + (token.path("revoked").asBoolean(false) ? "revoked" : "inactive (expired)")
                    + ", so it was not renewed: asking to rotate a revoked token makes GitLab revoke its replacement"
                    + " too. Create a new token and paste it into the credential.");
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
                return new Rotation.Uncertain(host + " answered HTTP " + code + " without a new token"
                        + (answer.json() == null ? " (not JSON: a proxy or login page may have answered)" : "")
                        + "." + UNCERTAIN);
            }
            return new Rotation.Rotated(Token.of(token), date(answer.text("expires_at")), scopes(answer.json()));
        }
        if (code >= 500) {
            return new Rotation.Uncertain(host + " answered HTTP " + code + ApiText.quoted(said) + "." + UNCERTAIN);
        }
        if (code >= 300 && code < 400) {
            return new NotRotated(Reason.UNREACHABLE, host + " answered the rotation with a redirect (HTTP " + code
                    + "), which was not followed. Nothing was renewed; check the server URL.");
        }
        return switch (code) {
            case 401 -> new NotRotated(Reason.REJECTED, "GitLab refused the token when asked to renew it"
                    + ApiText.quoted(said) + ". It was active a moment before: if it was renewed elsewhere in"
                    + " between, GitLab has now revoked that renewal too. Create a new token.");
            case 403 -> new NotRotated(Reason.NOT_PERMITTED, "The token may not renew itself" + ApiText.quoted(said)
                    + ": it needs the api scope, or self_rotate on GitLab 17.9 and later. Add one of them, or renew the"
                    + " token by hand.");
            case 404 -> new NotRotated(Reason.UNSUPPORTED, "This GitLab server cannot renew tokens: it has no"
                    + " POST /personal_access_tokens/self/rotate, which came with GitLab 16.10. Renew the token by"
                    + " hand (Edit profile → Access tokens → Rotate) or upgrade GitLab.");
            case 405 -> new NotRotated(Reason.UNSUPPORTED, "GitLab says this token cannot renew itself"
                    + ApiText.quoted(said) + ": only personal, project and group access tokens can.");
            case 429 -> new NotRotated(Reason.UNREACHABLE, host + " says the rate limit is exhausted. Nothing was"
                    + " renewed; try again later.");
            default -> new NotRotated(Reason.REFUSED, "GitLab refused to renew the token (HTTP " + code + ")"
                    + ApiText.quoted(said) + ". Nothing changed: the token is still valid.");
        };
    }

    private static ApiResponse get(Http http, HttpUrl url, Credentials credentials, Deadline deadline) throws Stop {
        try {
            return http.get(url, credentials, List.of(), deadline);
        } catch (Unreachable e) {
            throw notRotated(Reason.UNREACHABLE, e.getMessage() + " Nothing was renewed.");
        }
    }

    private static ApiResponse post(Http http, HttpUrl url, Credentials credentials, LocalDate expiresOn,
            Deadline deadline) throws Stop {
        Map<String, String> form = expiresOn == null ? Map.of() : Map.of("expires_at", expiresOn.toString());
        try {
            return http.postOnce(url, credentials, form, deadline);
        } catch (Unreachable e) {
            throw notRotated(Reason.UNREACHABLE, e.getMessage() + " Nothing was renewed.");
        } catch (Unanswered e) {
            throw new Stop(new Rotation.Uncertain(e.getMessage() + UNCERTAIN));
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

    private static Stop notRotated(Reason reason, String message) {
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
