package io.jenkins.plugins.icr.token.provider;

import io.jenkins.plugins.icr.token.ApiText;
import io.jenkins.plugins.icr.token.RateLimit;
import io.jenkins.plugins.icr.token.Status;
import io.jenkins.plugins.icr.token.TokenKind;
import java.time.Clock;
import java.time.Instant;

/**
 * The answers every provider gives the same meaning: a redirect, a rate limit, a server error, and a success that
 * is not JSON. Each provider check asks here first and then reads its own 401/403/404.
 */
final class Faults {
    private Faults() {}

    static void rejectCommon(ApiResponse response, TokenKind kind, Clock clock) throws Refusal {
        Instant now = clock.instant();
        RateLimit rateLimit = RateLimit.from(response.headers(), now);
        int code = response.code();
        String host = response.url().host();
        if (code >= 300 && code < 400) {
            String location = response.header("Location");
            throw new Refusal(Status.UNREACHABLE, kind, host + " answered with a redirect (HTTP " + code + ")"
                    + (location == null ? "" : " to " + ApiText.abbreviate(location))
                    + "; it was not followed, so the token went nowhere else. Use the API URL the redirect points"
                    + " at if you trust it, or check for a proxy or login page in between.", null, rateLimit);
        }
        // GitHub signals an exhausted limit with 403 or 429 and x-ratelimit-remaining: 0 (providers.md §1.7).
        if (code == 429 || (code == 403 && rateLimit.exhausted())) {
            throw new Refusal(Status.RATE_LIMITED, kind, host + " says the rate limit is exhausted"
                    + rateLimit.resetTime().map(t -> "; it resets at " + t).orElse("")
                    + ". Nothing is known about the token until then; try again later.", null, rateLimit);
        }
        if (code >= 500) {
            throw new Refusal(Status.UNREACHABLE, kind, host + " answered HTTP " + code
                    + ": the provider has a problem. Try again later.", null, rateLimit);
        }
        if (response.ok() && response.json() == null) {
            throw new Refusal(Status.UNREACHABLE, kind, host + " answered HTTP " + code + " with "
                    + (response.contentType().isEmpty() ? "no content type" : "'" + ApiText.abbreviate(response.contentType()) + "'")
                    + " instead of JSON: a proxy, firewall or single sign-on page intercepted the request."
                    + " Check the API URL and the proxy settings.", null, rateLimit);
        }
    }
}
