package io.jenkins.plugins.icr.token.provider;

import io.jenkins.plugins.icr.token.ApiText;
import io.jenkins.plugins.icr.token.Status;
import java.util.List;

/**
 * Bitbucket Data Center: {@code GET /rest/api/1.0/application-properties} with Bearer names the token's user in the
 * {@code X-AUSERNAME} header (providers.md §4). Project and repository tokens have no user, so a given repository is
 * read as well. The server never lists a token's permissions.
 */
final class BitbucketDataCenterCheck implements Check {

    @Override
    public Answer.Accepted check(Context c) throws Refusal, Unreachable {
        Credentials credentials = Credentials.bearer(c.request().token());
        ApiResponse properties =
                c.http().get(c.request().endpoint().resolve("application-properties"), credentials, List.of(), c.deadline());
        requireSuccess(properties, c, "the server");
        String user = properties.header("X-AUSERNAME");
        Answer.Accepted answer = Answer.Accepted.of(c.kind(), user, c.rateLimit(properties))
                .unreported("Bitbucket Data Center does not report a token's permissions; iCR needs Project read and"
                        + " Repository write.");
        if (c.repository() != null) {
            ApiResponse repo = c.http().get(c.request().endpoint()
                    .resolve("projects", c.repository().owner(), "repos", c.repository().name()), credentials, List.of(), c.deadline());
            requireSuccess(repo, c, "the repository " + c.repository());
            return answer;
        }
        return user != null
                ? answer
                : answer.note("The server did not name the token's user, as for project and repository tokens: give"
                        + " the repository iCR works on to confirm the token can read it.");
    }

    private static void requireSuccess(ApiResponse response, Context c, String what) throws Refusal {
        Faults.rejectCommon(response, c.kind(), c.clock());
        if (response.ok()) {
            return;
        }
        String said = response.providerMessage();
        throw switch (response.code()) {
            case 401 -> new Refusal(Status.REJECTED, c.kind(), "Bitbucket Data Center refused the token"
                    + ApiText.quoted(said) + ": it is invalid, expired or revoked.", null, c.rateLimit(response));
            case 403, 404 -> new Refusal(Status.FORBIDDEN, c.kind(), "The token cannot read " + what
                    + ApiText.quoted(said) + ". Give it Repository read (and write) on that repository.",
                    null, c.rateLimit(response));
            default -> new Refusal(Status.UNREACHABLE, c.kind(), response.url().host() + " answered HTTP "
                    + response.code() + ApiText.quoted(said) + " where the Bitbucket Data Center API was expected.",
                    null, c.rateLimit(response));
        };
    }
}
