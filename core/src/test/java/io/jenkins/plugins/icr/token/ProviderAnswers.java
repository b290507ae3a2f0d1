package io.jenkins.plugins.icr.token;

import static io.jenkins.plugins.icr.token.ProviderServer.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import mockwebserver3.MockResponse;
import okhttp3.Headers;

/**
 * Answers as the providers' APIs give them, status, headers and JSON body (docs/provider-apis.md), for
 * {@link ProviderServer}: the ones tests ask for by name, and what each provider answers a valid token.
 */
public final class ProviderAnswers {
    /** GitHub Enterprise Server's {@code /user}, below the {@code /api/v3} API base of a server's web URL. */
    public static final String GITHUB_USER = "/api/v3/user";
    /** Every scope iCR asks of a classic GitHub token. */
    public static final String GITHUB_SCOPES = "repo, workflow, notifications";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GITHUB_REPOS = "/api/v3/repos/";
    private static final DateTimeFormatter GITHUB_EXPIRY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    /** A rate limit far from its end, as GitHub sends on every answer; the reset is 2100-01-01. */
    private static final Headers GITHUB_RATE_LIMIT =
            Headers.of("x-ratelimit-remaining", "4999", "x-ratelimit-reset", "4102444800");

    private ProviderAnswers() {}

    /** A GitHub {@code /user} answer with a JSON body and, when given, the X-OAuth-Scopes header. */
    public static MockResponse githubUser(int code, String body, String scopes) {
        return json(code, body, scopes == null ? Headers.of() : Headers.of("X-OAuth-Scopes", scopes));
    }

    /** octocat's classic token with these scopes, expiring then. */
    public static MockResponse githubExpiring(String scopes, Instant expires) {
        return githubExpiring("octocat", scopes, expires);
    }

    /** A classic token of that login with these scopes, expiring then: GitHub names the expiry in a header of its own format. */
    public static MockResponse githubExpiring(String login, String scopes, Instant expires) {
        return json(200, JSON.createObjectNode().put("login", login).toString(), Headers.of(
                "X-OAuth-Scopes", scopes, "github-authentication-token-expiration", GITHUB_EXPIRY.format(expires)));
    }

    /**
     * What each provider answers a valid token at the paths iCR's verification asks, or null for any other path:
     * GitHub's {@code /user} (octocat, a classic token with {@link #GITHUB_SCOPES} and no expiry) and a repository,
     * GitLab's {@code /personal_access_tokens/self} (an {@code api} token with a year left) and {@code /user},
     * Bitbucket Cloud's {@code /2.0/user} (an API token), Bitbucket Data Center's {@code application-properties}.
     */
    static MockResponse validToken(String path) {
        return switch (path) {
            case GITHUB_USER -> json(200, "{\"login\":\"octocat\",\"id\":1,\"type\":\"User\"}",
                    GITHUB_RATE_LIMIT.newBuilder().add("X-OAuth-Scopes", GITHUB_SCOPES).build());
            case "/api/v4/personal_access_tokens/self" -> json(200, gitlabToken().toString());
            case "/api/v4/user" -> json(200, "{\"id\":3,\"username\":\"jdoe\"}");
            case "/2.0/user" -> json(200,
                    "{\"type\":\"user\",\"username\":\"jdoe\",\"display_name\":\"Jane Doe\",\"account_id\":\"557058:1\"}",
                    Headers.of("x-oauth-scopes", "read:user:bitbucket, read:repository:bitbucket,"
                                    + " write:repository:bitbucket, read:pullrequest:bitbucket, write:pullrequest:bitbucket",
                            "x-credential-type", "api_token"));
            case "/rest/api/1.0/application-properties" ->
                    json(200, "{\"version\":\"9.4.0\"}", Headers.of("X-AUSERNAME", "jdoe"));
            default -> path.startsWith(GITHUB_REPOS) && path.substring(GITHUB_REPOS.length()).split("/").length == 2
                    ? githubRepository(path.substring(GITHUB_REPOS.length()))
                    : null;
        };
    }

    /** {@code GET /repos/{owner}/{repo}} for a classic token that may push: the scopes come along, as on every answer. */
    private static MockResponse githubRepository(String fullName) {
        ObjectNode repository = JSON.createObjectNode().put("id", 1296269).put("full_name", fullName).put("private", true);
        repository.putObject("permissions").put("admin", false).put("push", true).put("pull", true);
        return json(200, repository.toString(),
                GITHUB_RATE_LIMIT.newBuilder().add("X-OAuth-Scopes", GITHUB_SCOPES).add("X-Accepted-OAuth-Scopes", "repo").build());
    }

    private static ObjectNode gitlabToken() {
        ObjectNode token = JSON.createObjectNode()
                .put("id", 4)
                .put("name", "iCR")
                .put("revoked", false)
                .put("user_id", 3)
                .put("active", true)
                .put("expires_at", LocalDate.now(ZoneOffset.UTC).plusYears(1).toString());
        token.putArray("scopes").add("api");
        return token;
    }
}
