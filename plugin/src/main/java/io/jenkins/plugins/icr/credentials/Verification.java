package io.jenkins.plugins.icr.credentials;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;
import io.jenkins.plugins.icr.token.DeclaredServers;
import io.jenkins.plugins.icr.token.Endpoint;
import io.jenkins.plugins.icr.token.InvalidInputException;
import io.jenkins.plugins.icr.token.Provider;
import io.jenkins.plugins.icr.token.Requirement;
import io.jenkins.plugins.icr.token.Token;
import io.jenkins.plugins.icr.token.TokenKind;
import io.jenkins.plugins.icr.token.Verdict;
import io.jenkins.plugins.icr.token.VerdictCache;
import io.jenkins.plugins.icr.token.VerificationRequest;
import io.jenkins.plugins.icr.token.Verifier;
import io.jenkins.plugins.okhttp.api.JenkinsOkHttpClient;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The one verifier of this Jenkins: a client built by okhttp-api, so the Jenkins proxy and its no-proxy hosts
 * apply to every request, and one verdict cache shared by every form. Callers check permissions first.
 */
@Restricted(NoExternalUse.class)
public final class Verification {
    private Verification() {}

    private static final class Holder {
        static final Verifier VERIFIER = new Verifier(
                JenkinsOkHttpClient.newClientBuilder(new OkHttpClient())
                        .connectTimeout(10, TimeUnit.SECONDS)
                        .readTimeout(10, TimeUnit.SECONDS)
                        .build(),
                Clock.systemUTC(),
                new VerdictCache(Verifier.DEFAULT_CACHE_TTL, Clock.systemUTC()));
    }

    /** Verifies a token against its provider's public service or a declared server; anything else is refused. */
    @NonNull
    public static Verdict verify(
            @NonNull Provider provider,
            @CheckForNull String serverUrl,
            @CheckForNull String login,
            @NonNull Secret token,
            @CheckForNull String requiredScopes) {
        Endpoint endpoint;
        try {
            endpoint = DeclaredServers.resolve(
                    provider, serverUrl, IcrVcsServers.get().declared());
        } catch (InvalidInputException e) {
            return Verdict.invalidInput(provider, TokenKind.UNKNOWN, e.getMessage());
        }
        return Holder.VERIFIER.verify(VerificationRequest.of(endpoint, login, Token.of(token.getPlainText()))
                .withRequired(Requirement.parse(requiredScopes)));
    }
}
