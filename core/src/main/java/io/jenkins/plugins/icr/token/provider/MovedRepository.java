package io.jenkins.plugins.icr.token.provider;

import java.util.List;
import okhttp3.HttpUrl;

/**
 * GitHub answers a request for a renamed or transferred repository with {@code 301} and
 * {@code Location: {api}/repositories/<id>…}: the token is fine, the job's repository URL is old
 * (https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#follow-redirects).
 * Such a redirect is followed once, and only when it stays below the API base, on its scheme, host and port, and
 * carries no token; every other redirect stays a verdict ({@link Faults}), so the token never travels anywhere else.
 */
final class MovedRepository {
    private MovedRepository() {}

    /** The answer at the repository's new location, or the answer itself when it is not such a redirect. */
    static ApiResponse follow(ApiResponse response, Credentials credentials, List<String[]> headers, Check.Context c)
            throws Unreachable {
        String location = response.code() == 301 ? response.headers().get("Location") : null;
        HttpUrl target = location == null ? null : response.url().resolve(location);
        if (target == null || !below(target, c.request().endpoint().api())
                || credentials.redactor().appearsIn(target.toString())) {
            return response;
        }
        return c.http().get(target, credentials, headers, c.deadline());
    }

    /** Whether the answer came from another URL than the one asked, which only {@link #follow} does. */
    static boolean moved(ApiResponse response, HttpUrl asked) {
        return !response.url().equals(asked);
    }

    private static boolean below(HttpUrl target, HttpUrl api) {
        String base = api.encodedPath().endsWith("/") ? api.encodedPath() : api.encodedPath() + "/";
        return target.scheme().equals(api.scheme())
                && target.host().equals(api.host())
                && target.port() == api.port()
                && target.encodedPath().startsWith(base);
    }
}
