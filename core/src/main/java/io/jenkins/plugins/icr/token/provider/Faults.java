package io.jenkins.plugins.icr.token.provider;

import io.jenkins.plugins.icr.token.ApiText;
import io.jenkins.plugins.icr.token.RateLimit;
import io.jenkins.plugins.icr.token.Status;
import io.jenkins.plugins.icr.token.Text;
import io.jenkins.plugins.icr.token.TokenKind;
import java.time.Clock;
import java.util.Locale;

/**
 * The answers every provider gives the same meaning: a redirect, a rate limit, a server error, a success that is not
 * JSON, and a success without the identity the provider always sends. Each provider check asks here first and then
 * reads its own 401/403/404.
 */
final class Faults {
    private Faults() {}

    static void rejectCommon(ApiResponse response, TokenKind kind, Clock clock) throws Refusal {
        RateLimit rateLimit = RateLimit.from(response.headers(), clock.instant());
        int code = response.code();
        String host = response.url().host();
        if (code >= 300 && code < 400) {
            String location = response.header("Location");
            throw new Refusal(Status.UNREACHABLE, kind, location == null
                    ? Text.of("fault.redirect", host, String.valueOf(code))
                    : Text.of("fault.redirect.to", host, String.valueOf(code), ApiText.abbreviate(location)),
                    null, rateLimit);
        }
        if (code == 429 || (code == 403 && (rateLimit.exhausted() || slowDown(response)))) {
            Text retry = rateLimit.resetTime()
                    .map(t -> Text.of("fault.retry.after", t.toString()))
                    .orElseGet(() -> Text.of("fault.retry"));
            throw new Refusal(Status.RATE_LIMITED, kind,
                    Text.of(rateLimit.exhausted() ? "fault.rateLimit" : "fault.slowDown", host, retry), null, rateLimit);
        }
        if (code >= 500) {
            throw new Refusal(Status.UNREACHABLE, kind, Text.of("fault.serverError", host, String.valueOf(code)),
                    null, rateLimit);
        }
        if (response.ok() && response.json() == null) {
            throw new Refusal(Status.UNREACHABLE, kind, response.contentType().isEmpty()
                    ? Text.of("fault.notJson.untyped", host, String.valueOf(code))
                    : Text.of("fault.notJson", host, String.valueOf(code), ApiText.abbreviate(response.contentType())),
                    null, rateLimit);
        }
    }

    /**
     * A 2xx answer without the identity the provider always sends (GitHub's login, GitLab's username, …) does not
     * come from the provider's API, whatever it says: nothing about the token can be read from it.
     */
    static Refusal notTheProvider(ApiResponse response, Check.Context c, String provider, Text identity) {
        return new Refusal(Status.UNREACHABLE, c.kind(), Text.of("fault.notTheProvider", response.url().host(),
                String.valueOf(response.code()), identity, provider), null, c.rateLimit(response));
    }

    /**
     * GitHub's secondary rate limits answer 403 (or 429) while x-ratelimit-remaining may still be above 0, often
     * with Retry-After, always with a message about it ("secondary rate limit"; older servers: "abuse detection
     * mechanism"), https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api.
     */
    private static boolean slowDown(ApiResponse response) {
        String said = response.providerMessage();
        String message = said == null ? "" : said.toLowerCase(Locale.ROOT);
        return response.headers().get("Retry-After") != null
                || message.contains("secondary rate limit")
                || message.contains("abuse detection");
    }
}
