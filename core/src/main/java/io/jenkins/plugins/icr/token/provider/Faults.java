package io.jenkins.plugins.icr.token.provider;

import io.jenkins.plugins.icr.token.ApiText;
import io.jenkins.plugins.icr.token.RateLimit;
import io.jenkins.plugins.icr.token.Status;
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
            throw new Refusal(Status.UNREACHABLE, kind, host + " answered with a redirect (HTTP " + code + ")"
                    + (location == null ? "" : " to " + ApiText.abbreviate(location))
                    + "; it was not followed, so the token went nowhere else. Use the API URL the redirect points"
                    + " at if you trust it, or check for a proxy or login page in between.", null, rateLimit);
        }
        if (code == 429 || (code == 403 && (rateLimit.exhausted() || slowDown(response)))) {
            throw new Refusal(Status.RATE_LIMITED, kind, host + (rateLimit.exhausted()
                            ? " says the rate limit is exhausted"
                            : " applied a rate limit to requests sent too fast (on GitHub, a secondary rate limit)")
                    + "; nothing is known about the token until it lifts. "
                    + rateLimit.resetTime().map(t -> "Try again after " + t + ".").orElse("Try again in a minute or more."),
                    null, rateLimit);
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

    /**
     * A 2xx answer without the identity the provider always sends (GitHub's login, GitLab's username, …) does not
     * come from the provider's API, whatever it says: nothing about the token can be read from it.
     */
    static Refusal notTheProvider(ApiResponse response, Check.Context c, String provider, String identity) {
        return new Refusal(Status.UNREACHABLE, c.kind(), response.url().host() + " answered HTTP " + response.code()
                + " without " + identity + ", which " + provider + " always sends: this URL does not answer as "
                + provider + ". Check the server URL.", null, c.rateLimit(response));
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
