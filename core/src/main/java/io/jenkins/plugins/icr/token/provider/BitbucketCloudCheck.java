package io.jenkins.plugins.icr.token.provider;

import io.jenkins.plugins.icr.token.ApiText;
import io.jenkins.plugins.icr.token.ScopeRules;
import io.jenkins.plugins.icr.token.Status;
import io.jenkins.plugins.icr.token.Text;
import io.jenkins.plugins.icr.token.TokenKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Bitbucket Cloud: {@code GET /2.0/user} with Basic {@code username:token} for app passwords and API tokens; access
 * tokens (Bearer) belong to a repository, so with a repository given they read it instead, and without one the
 * 403 that {@code /user} gives them still carries their scopes and credential type (docs/provider-apis.md §3.3, §3.4).
 */
final class BitbucketCloudCheck implements Check {
    /** Atlassian removed app passwords on this day, after brownouts from 2026-06-09 (docs/provider-apis.md §3.1). */
    static final Instant APP_PASSWORDS_REMOVED = Instant.parse("2026-07-28T00:00:00Z");

    private static final Instant BROWNOUTS_START = Instant.parse("2026-06-09T00:00:00Z");
    private static final Map<String, TokenKind> CREDENTIAL_TYPES = Map.of(
            "api_token", TokenKind.BITBUCKET_API_TOKEN,
            "app_password", TokenKind.BITBUCKET_APP_PASSWORD,
            "repo_access_token", TokenKind.BITBUCKET_ACCESS_TOKEN,
            "project_access_token", TokenKind.BITBUCKET_ACCESS_TOKEN,
            "workspace_access_token", TokenKind.BITBUCKET_ACCESS_TOKEN);

    @Override
    public Answer.Accepted check(Context c) throws Refusal, Unreachable {
        boolean accessToken = c.kind() == TokenKind.BITBUCKET_ACCESS_TOKEN;
        Credentials credentials = accessToken
                ? Credentials.bearer(c.request().token())
                : Credentials.basic(c.request().username(), c.request().token());
        boolean readRepository = accessToken && c.repository() != null;
        ApiResponse response = c.http().get(readRepository
                ? c.request().endpoint().resolve("repositories", c.repository().owner(), c.repository().name())
                : c.request().endpoint().resolve("user"), credentials, List.of(), c.deadline());
        Faults.rejectCommon(response, c.kind(), c.clock());
        TokenKind kind = CREDENTIAL_TYPES.getOrDefault(String.valueOf(response.header("x-credential-type")), c.kind());
        String scopes = response.header("x-oauth-scopes");
        boolean knownAccessToken = kind == TokenKind.BITBUCKET_ACCESS_TOKEN && response.code() == 403 && !readRepository;
        // A 403 that still lists the token's scopes means "accepted, but not for this endpoint".
        if (!response.ok() && !(response.code() == 403 && scopes != null) && !knownAccessToken) {
            throw refusal(response, c);
        }
        String account = !response.ok() ? null : readRepository ? repository(response, c) : account(response, c);
        Answer.Accepted answer = Answer.Accepted.of(kind, account, c.rateLimit(response));
        answer = scopes != null
                ? answer.granted(ScopeRules.parse(scopes))
                : answer.unreported(Text.of("unreported.bitbucket"));
        if (kind == TokenKind.BITBUCKET_ACCESS_TOKEN && c.repository() == null) {
            answer = answer.note(Text.of("note.bitbucket.giveRepository"));
        }
        return answer;
    }

    /** /2.0/user always identifies the account by account_id and uuid; an answer without either is not Bitbucket's. */
    private static String account(ApiResponse user, Context c) throws Refusal {
        if (!user.hasText("account_id") && !user.hasText("uuid")) {
            throw Faults.notTheProvider(user, c, "Bitbucket Cloud", Text.of("identity.bitbucket.account"));
        }
        String username = user.text("username");
        return username != null ? username : user.text("display_name");
    }

    private static String repository(ApiResponse repository, Context c) throws Refusal {
        if (!repository.hasText("full_name")) {
            throw Faults.notTheProvider(repository, c, "Bitbucket Cloud", Text.of("identity.bitbucket.repository"));
        }
        return repository.text("full_name");
    }

    private static Refusal refusal(ApiResponse response, Context c) {
        String said = response.providerMessage();
        if (response.code() == 401) {
            return new Refusal(Status.REJECTED, c.kind(), rejection(c, said), null, c.rateLimit(response));
        }
        if (response.code() == 403 || response.code() == 404) {
            Text what = c.repository() != null && c.kind() == TokenKind.BITBUCKET_ACCESS_TOKEN
                    ? Text.of("subject.theRepository", String.valueOf(c.repository())) : Text.of("subject.request");
            return new Refusal(Status.FORBIDDEN, c.kind(), Text.of("refused.bitbucket.forbidden", what,
                    ApiText.quoted(said)), null, c.rateLimit(response));
        }
        return new Refusal(Status.UNREACHABLE, c.kind(), Text.of("refused.unexpected", response.url().host(),
                String.valueOf(response.code()), ApiText.quoted(said), "Bitbucket Cloud"), null, c.rateLimit(response));
    }

    private static Text rejection(Context c, String said) {
        Instant now = c.clock().instant();
        return switch (c.kind()) {
            case BITBUCKET_APP_PASSWORD -> !now.isBefore(APP_PASSWORDS_REMOVED)
                    ? Text.of("refused.bitbucket.appPassword.removed")
                    : !now.isBefore(BROWNOUTS_START)
                            ? Text.of("refused.bitbucket.appPassword.brownout")
                            : Text.of("refused.bitbucket.appPassword", ApiText.quoted(said));
            case BITBUCKET_API_TOKEN -> Text.of("refused.bitbucket.apiToken", ApiText.quoted(said));
            default -> Text.of("refused.rejected", "Bitbucket", ApiText.quoted(said));
        };
    }
}
