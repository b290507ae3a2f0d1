package io.jenkins.plugins.icr.token.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.icr.token.ApiText;
import io.jenkins.plugins.icr.token.RateLimit;
import io.jenkins.plugins.icr.token.Status;
import io.jenkins.plugins.icr.token.Text;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * GitLab (.com and self-managed): {@code GET /personal_access_tokens/self} answers for any scope with the token's
 * scopes, state and expiry; {@code GET /user}, sent alongside, adds the username when a scope allows it
 * (docs/provider-apis.md §2.2, §2.7). Servers older than 15.5 lack {@code /self}: their tokens are verified by {@code /user}
 * alone, with the scopes unknown.
 */
final class GitLabCheck implements Check {

    @Override
    public Answer.Accepted check(Context c) throws Refusal, Unreachable {
        Credentials privateToken = Credentials.privateToken(c.request().token());
        Pair answers = ask(c, privateToken);
        // Some proxies drop custom headers (docs/provider-apis.md §2.1): a self-managed server gets one more try with Bearer.
        if (answers.self().code() == 401 && !c.request().endpoint().isPublicService()) {
            Pair bearer = ask(c, Credentials.bearer(c.request().token()));
            answers = bearer.self().code() == 401 ? answers : bearer;
        }
        ApiResponse self = answers.self();
        ApiResponse user = Await.result(answers.user());
        if (self.code() == 404) {
            requireSuccess(user, c);
            return Answer.Accepted.of(c.kind(), username(user, c), c.rateLimit(user))
                    .unreported(Text.of("unreported.gitlab.old"));
        }
        requireSuccess(self, c);
        JsonNode token = self.json();
        if (!token.path("scopes").isArray()) {
            throw Faults.notTheProvider(self, c, "GitLab", Text.of("identity.gitlab.scopes"));
        }
        if (token.path("revoked").asBoolean(false) || !token.path("active").asBoolean(true)) {
            throw new Refusal(Status.REJECTED, c.kind(), Text.of(token.path("revoked").asBoolean(false)
                    ? "refused.gitlab.revoked" : "refused.gitlab.inactive"), null, c.rateLimit(self));
        }
        // GET /user answers only when a scope allows it (read_user, read_api, api); its refusal is no verdict.
        String account = user.ok() ? username(user, c) : null;
        Answer.Accepted answer = Answer.Accepted.of(c.kind(), account != null ? account : userId(self), c.rateLimit(self))
                .granted(self.texts("scopes"));
        String expires = self.text("expires_at");
        if (expires != null) {
            try {
                // "Personal access tokens expire on the date you define, at midnight, 00:00 AM UTC."
                answer = answer.expiring(LocalDate.parse(expires).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException e) {
                answer = answer.note(Text.of("note.gitlab.expiry", ApiText.abbreviate(expires, 60)));
            }
        }
        return account != null
                ? answer
                : answer.note(Text.of("note.gitlab.noUsername"));
    }

    private static Pair ask(Context c, Credentials credentials) throws Unreachable {
        CompletableFuture<ApiResponse> user =
                c.http().getAsync(c.request().endpoint().resolve("user"), credentials, List.of(), c.deadline());
        ApiResponse self = c.http().get(
                c.request().endpoint().resolve("personal_access_tokens", "self"), credentials, List.of(), c.deadline());
        return new Pair(self, user);
    }

    private void requireSuccess(ApiResponse response, Context c) throws Refusal {
        Faults.rejectCommon(response, c.kind(), c.clock());
        if (response.ok()) {
            return;
        }
        RateLimit rateLimit = c.rateLimit(response);
        String said = response.providerMessage();
        switch (response.code()) {
            case 401 -> throw new Refusal(Status.REJECTED, c.kind(), rejection(said), null, rateLimit);
            // "This endpoint requires token type to be a personal access token": the token authenticates, but it is
            // another kind, such as an OAuth token, which expires within hours and has no scopes of its own.
            case 400 -> throw new Refusal(Status.REJECTED, c.kind(), Text.of("refused.gitlab.otherKind",
                    ApiText.quoted(said)), null, rateLimit);
            case 403 -> throw new Refusal(Status.FORBIDDEN, c.kind(), Text.of("refused.gitlab.forbidden",
                    ApiText.quoted(said)), null, rateLimit);
            case 404 -> throw new Refusal(Status.UNREACHABLE, c.kind(), Text.of("refused.gitlab.noApi",
                    response.url().host(), response.url().encodedPath()), null, rateLimit);
            default -> throw new Refusal(Status.UNREACHABLE, c.kind(), Text.of("refused.unexpected", response.url().host(),
                    String.valueOf(response.code()), ApiText.quoted(said), "GitLab"), null, rateLimit);
        }
    }

    /** The rack-oauth2 descriptions of docs/provider-apis.md §2.4, told in the admin's terms. */
    private static Text rejection(String said) {
        if (said != null && said.startsWith("Token is expired")) {
            return Text.of("refused.gitlab.expired");
        }
        if (said != null && said.startsWith("Token was revoked")) {
            return Text.of("refused.gitlab.revokedSaid");
        }
        if (said != null && said.contains("impersonation")) {
            return Text.of("refused.gitlab.impersonation");
        }
        return Text.of("refused.rejected", "GitLab", ApiText.quoted(said));
    }

    /** GitLab's /user always names the account; an answer that does not is not GitLab's. */
    private static String username(ApiResponse user, Context c) throws Refusal {
        if (!user.hasText("username")) {
            throw Faults.notTheProvider(user, c, "GitLab", Text.of("identity.gitlab.username"));
        }
        return user.text("username");
    }

    private static String userId(ApiResponse self) {
        String id = self.text("user_id");
        return id == null ? null : "user #" + id;
    }

    private record Pair(ApiResponse self, CompletableFuture<ApiResponse> user) {}
}
