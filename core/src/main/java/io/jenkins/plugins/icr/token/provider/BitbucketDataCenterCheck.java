package io.jenkins.plugins.icr.token.provider;

import io.jenkins.plugins.icr.token.ApiText;
import io.jenkins.plugins.icr.token.Status;
import io.jenkins.plugins.icr.token.Text;
import java.util.List;

/**
 * Bitbucket Data Center: {@code GET /rest/api/1.0/application-properties} with Bearer names the token's user in the
 * {@code X-AUSERNAME} header (docs/provider-apis.md §4). Project and repository tokens have no user, so a given repository is
 * read as well. The server never lists a token's permissions.
 */
final class BitbucketDataCenterCheck implements Check {
    private static final String PROVIDER = "Bitbucket Data Center";

    @Override
    public Answer.Accepted check(Context c) throws Refusal, Unreachable {
        Credentials credentials = Credentials.bearer(c.request().token());
        ApiResponse properties =
                c.http().get(c.request().endpoint().resolve("application-properties"), credentials, List.of(), c.deadline());
        requireSuccess(properties, c, Text.of("subject.server"), true);
        String user = properties.header("X-AUSERNAME");
        Answer.Accepted answer = Answer.Accepted.of(c.kind(), user, c.rateLimit(properties))
                .unreported(Text.of("unreported.bitbucketDc"));
        if (c.repository() == null) {
            if (user == null) {
                // The properties answer anyone, so without the user nothing shows that the server took the token.
                throw new Refusal(Status.UNREACHABLE, c.kind(), Text.of("refused.bitbucketDc.noUser",
                        properties.url().host(), PROVIDER), null, c.rateLimit(properties));
            }
            return answer;
        }
        ApiResponse repo = c.http().get(c.request().endpoint()
                .resolve("projects", c.repository().owner(), "repos", c.repository().name()), credentials, List.of(), c.deadline());
        requireSuccess(repo, c, Text.of("subject.theRepository", String.valueOf(c.repository())), false);
        if (!repo.hasText("slug")) {
            throw Faults.notTheProvider(repo, c, PROVIDER, Text.of("identity.bitbucketDc.slug"));
        }
        return answer;
    }

    /** @param identity whether this is the server's own endpoint, which every Bitbucket server answers */
    private static void requireSuccess(ApiResponse response, Context c, Text what, boolean identity) throws Refusal {
        Faults.rejectCommon(response, c.kind(), c.clock());
        if (response.ok()) {
            return;
        }
        String said = response.providerMessage();
        throw switch (response.code()) {
            case 401 -> new Refusal(Status.REJECTED, c.kind(), Text.of("refused.rejected", PROVIDER, ApiText.quoted(said)),
                    null, c.rateLimit(response));
            // A 404 there is another server, or a server URL without its context path.
            case 404 -> identity
                    ? new Refusal(Status.UNREACHABLE, c.kind(), Text.of("refused.bitbucketDc.noApi",
                            response.url().host(), PROVIDER, response.url().encodedPath()), null, c.rateLimit(response))
                    : cannotRead(response, c, what, said);
            case 403 -> cannotRead(response, c, what, said);
            default -> new Refusal(Status.UNREACHABLE, c.kind(), Text.of("refused.unexpected", response.url().host(),
                    String.valueOf(response.code()), ApiText.quoted(said), PROVIDER), null, c.rateLimit(response));
        };
    }

    private static Refusal cannotRead(ApiResponse response, Context c, Text what, String said) {
        return new Refusal(Status.FORBIDDEN, c.kind(), Text.of("refused.bitbucketDc.cannotRead", what,
                ApiText.quoted(said)), null, c.rateLimit(response));
    }
}
