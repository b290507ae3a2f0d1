package io.jenkins.plugins.icr.token.provider;

import io.jenkins.plugins.icr.token.ApiText;
import io.jenkins.plugins.icr.token.RateLimit;
import io.jenkins.plugins.icr.token.ScopeRules;
import io.jenkins.plugins.icr.token.Status;
import io.jenkins.plugins.icr.token.Text;
import io.jenkins.plugins.icr.token.TokenKind;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;

/**
 * GitHub (github.com, GHE.com, Enterprise Server): one {@code GET /user} tells a classic token's login, scopes and
 * expiry (docs/provider-apis.md §1.4). Fine-grained tokens list no permissions, so when a repository is given they get
 * read probes instead, and their write permissions stay unverifiable (docs/provider-apis.md §1.9).
 */
final class GitHubCheck implements Check {
    private static final List<String[]> HEADERS = List.of(
            new String[] {"Accept", "application/vnd.github+json"},
            new String[] {"X-GitHub-Api-Version", "2022-11-28"});
    /** An unparseable expiry is quoted this far, enough to recognise a format. */
    private static final int EXPIRY_QUOTE = 60;

    @Override
    public Answer.Accepted check(Context c) throws Refusal, Unreachable {
        Credentials credentials = Credentials.bearer(c.request().token());
        ApiResponse user = c.http().get(c.request().endpoint().resolve("user"), credentials, HEADERS, c.deadline());
        requireSuccess(user, c);
        if (!user.hasText("login")) {
            throw Faults.notTheProvider(user, c, "GitHub", Text.of("identity.github.login"));
        }
        String scopes = user.header("X-OAuth-Scopes");
        // Old 40-hex tokens on Enterprise Server have no prefix; the scope header is what marks them classic.
        TokenKind kind = c.kind() == TokenKind.UNKNOWN && scopes != null ? TokenKind.GITHUB_CLASSIC : c.kind();
        Answer.Accepted answer = Answer.Accepted.of(kind, user.text("login"), c.rateLimit(user));
        answer = withExpiry(answer, user.header("github-authentication-token-expiration"));
        answer = withUnauthorizedOrganizations(answer, user);
        if (kind == TokenKind.GITHUB_CLASSIC) {
            // A token with no scopes sends an empty or missing header (docs/provider-apis.md §1.4).
            answer = answer.granted(ScopeRules.parse(scopes));
        } else if (kind == TokenKind.GITHUB_FINE_GRAINED) {
            answer = answer.unreported(Text.of("unreported.github.fineGrained"));
        } else {
            answer = answer.unreported(Text.of("unreported.github.noScopes"));
        }
        if (c.repository() == null) {
            return kind == TokenKind.GITHUB_FINE_GRAINED
                    ? answer.note(Text.of("note.github.giveRepository"))
                    : answer;
        }
        return kind == TokenKind.GITHUB_FINE_GRAINED ? probeFineGrained(answer, credentials, c) : probeRepository(answer, credentials, c);
    }

    /** A classic token can still be blocked from one repository: SAML SSO, an organization policy, no access. */
    private Answer.Accepted probeRepository(Answer.Accepted answer, Credentials credentials, Context c)
            throws Refusal, Unreachable {
        ApiResponse repo = MovedRepository.follow(c.http().get(repoUrl(c), credentials, HEADERS, c.deadline()),
                credentials, HEADERS, c);
        requireSuccess(repo, c);
        return withMove(withUnauthorizedOrganizations(answer, repo), repo, c);
    }

    /**
     * docs/provider-apis.md §1.9: the repository, one branch and one pull request, read in parallel. 200 proves read access;
     * a refusal names the missing permission in X-Accepted-GitHub-Permissions.
     */
    private Answer.Accepted probeFineGrained(Answer.Accepted answer, Credentials credentials, Context c)
            throws Refusal, Unreachable {
        var repository = c.http().getAsync(repoUrl(c), credentials, HEADERS, c.deadline());
        var branches = c.http().getAsync(repoUrl(c, "branches"), credentials, HEADERS, c.deadline());
        var pulls = c.http().getAsync(repoUrl(c, "pulls"), credentials, HEADERS, c.deadline());
        ApiResponse repo = await(repository, credentials, c);
        if (repo.code() == 404) {
            return answer.missing("metadata:read")
                    .note(Text.of("note.github.cannotSee", String.valueOf(c.repository())));
        }
        requireSuccess(repo, c);
        answer = withMove(answer, repo, c);
        answer = probe(answer, await(branches, credentials, c), "contents:read", c);
        return probe(answer, await(pulls, credentials, c), "pull_requests:read", c);
    }

    private Answer.Accepted probe(Answer.Accepted answer, ApiResponse response, String permission, Context c)
            throws Refusal {
        if (response.ok()) {
            Faults.rejectCommon(response, c.kind(), c.clock());
            return answer;
        }
        if (response.code() == 403 || response.code() == 404) {
            String accepted = response.header("X-Accepted-GitHub-Permissions");
            if (accepted == null) {
                return answer.missing(permission);
            }
            // pull_requests=read,contents=read; issues=read — alternatives split on ';', the first one is named.
            for (String needed : accepted.split(";")[0].split(",")) {
                answer = answer.missing(ApiText.abbreviate(needed.strip().replace('=', ':')));
            }
            return answer;
        }
        requireSuccess(response, c);
        return answer;
    }

    private void requireSuccess(ApiResponse response, Context c) throws Refusal {
        Faults.rejectCommon(response, c.kind(), c.clock());
        if (response.ok()) {
            return;
        }
        RateLimit rateLimit = c.rateLimit(response);
        String said = response.providerMessage();
        if (response.code() == 401) {
            // GitHub answers the same way for invalid, expired and revoked tokens (docs/provider-apis.md §1.8).
            throw new Refusal(Status.REJECTED, c.kind(), Text.of("refused.rejected", "GitHub", ApiText.quoted(said)),
                    null, rateLimit);
        }
        String sso = response.header("X-GitHub-SSO");
        // Only "required; url=…" means single sign-on blocks the request; "partial-results" comes with answers.
        if (response.code() == 403 && sso != null && sso.strip().startsWith("required")) {
            String url = ssoUrl(sso);
            throw new Refusal(Status.FORBIDDEN, c.kind(),
                    Text.of(url == null ? "refused.github.sso" : "refused.github.sso.link", subject(response, c)),
                    url, rateLimit);
        }
        if (response.code() == 403) {
            throw new Refusal(Status.FORBIDDEN, c.kind(),
                    Text.of("refused.github.forbidden", subject(response, c), ApiText.quoted(said)), null, rateLimit);
        }
        if (response.code() == 404 && c.repository() != null) {
            throw new Refusal(Status.FORBIDDEN, c.kind(),
                    Text.of("refused.github.notFound", String.valueOf(c.repository())), null, rateLimit);
        }
        throw new Refusal(Status.UNREACHABLE, c.kind(), Text.of("refused.github.unexpected", response.url().host(),
                String.valueOf(response.code()), ApiText.quoted(said)), null, rateLimit);
    }

    private static Answer.Accepted withExpiry(Answer.Accepted answer, String header) {
        if (header == null) {
            return answer;
        }
        Instant at = GitHubExpiry.parse(header);
        return at != null
                ? answer.expiring(at)
                : answer.note(Text.of("note.github.expiry", ApiText.abbreviate(header, EXPIRY_QUOTE)));
    }

    /**
     * {@code X-GitHub-SSO: partial-results; organizations=21955855,20582480}: the answer left out what belongs to
     * organizations whose SAML single sign-on the token is not authorized for
     * (https://docs.github.com/en/rest/authentication/authenticating-to-the-rest-api). The token works; the
     * organizations, named by the numeric ids GitHub gives, are a warning.
     */
    private static Answer.Accepted withUnauthorizedOrganizations(Answer.Accepted answer, ApiResponse response) {
        String sso = response.header("X-GitHub-SSO");
        if (sso == null || !sso.strip().startsWith("partial-results")) {
            return answer;
        }
        List<String> ids = Arrays.stream(sso.split(";"))
                .map(String::strip)
                .filter(p -> p.startsWith("organizations="))
                .flatMap(p -> Arrays.stream(p.substring("organizations=".length()).split(",")))
                .map(String::strip)
                .filter(id -> id.matches("[0-9]{1,20}"))
                .distinct()
                .toList();
        return answer.note(ids.isEmpty()
                ? Text.of("note.github.ssoPartial")
                : Text.of("note.github.ssoPartial.ids", ApiText.abbreviate(String.join(", ", ids), 200)));
    }

    private static Answer.Accepted withMove(Answer.Accepted answer, ApiResponse repo, Context c) {
        if (!MovedRepository.moved(repo, repoUrl(c))) {
            return answer;
        }
        String now = repo.text("full_name");
        return answer.note(now == null
                ? Text.of("note.github.moved", String.valueOf(c.repository()))
                : Text.of("note.github.moved.to", String.valueOf(c.repository()), ApiText.abbreviate(now, 200)));
    }

    private static HttpUrl repoUrl(Context c, String... more) {
        HttpUrl.Builder url = c.request().endpoint().resolve("repos", c.repository().owner(), c.repository().name())
                .newBuilder();
        for (String segment : more) {
            url.addPathSegment(segment);
        }
        return more.length == 0 ? url.build() : url.addQueryParameter("per_page", "1").build();
    }

    private static ApiResponse await(CompletableFuture<ApiResponse> response, Credentials credentials, Context c)
            throws Unreachable {
        return MovedRepository.follow(Await.result(response), credentials, HEADERS, c);
    }

    private static Text subject(ApiResponse response, Context c) {
        return response.url().encodedPath().endsWith("/user")
                ? Text.of("subject.request")
                : Text.verbatim(String.valueOf(c.repository()));
    }

    /** {@code required; url=https://github.com/orgs/x/sso?...} → the URL, only when it is https. */
    private static String ssoUrl(String header) {
        for (String part : header.split(";")) {
            String p = part.strip();
            if (p.startsWith("url=https://")) {
                return p.substring(4);
            }
        }
        return null;
    }
}
