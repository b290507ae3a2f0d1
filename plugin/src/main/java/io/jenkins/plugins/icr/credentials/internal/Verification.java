package io.jenkins.plugins.icr.credentials.internal;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import io.jenkins.plugins.icr.credentials.IcrVcsServers;
import io.jenkins.plugins.icr.credentials.IcrVcsToken;
import io.jenkins.plugins.icr.token.BulkVerifier;
import io.jenkins.plugins.icr.token.DeclaredServers;
import io.jenkins.plugins.icr.token.Endpoint;
import io.jenkins.plugins.icr.token.InvalidInputException;
import io.jenkins.plugins.icr.token.Provider;
import io.jenkins.plugins.icr.token.Requirement;
import io.jenkins.plugins.icr.token.Rotation;
import io.jenkins.plugins.icr.token.RotationRequest;
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
 * apply to every request, and one verdict cache shared by every form, build and sweep. Tokens only go to their
 * provider's public service or a declared server. Callers check permissions first.
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

    /** Either a request to send or the verdict that refused it before any request. */
    @Restricted(NoExternalUse.class)
    public record Prepared(
            @CheckForNull VerificationRequest request,
            @CheckForNull Verdict refused) {}

    /**
     * The request for a token as a form or credential describes it, or the refusal of its server. The token is
     * plain text: a form passes what was typed (never {@code Secret.fromString}, which would decrypt it).
     */
    @NonNull
    public static Prepared prepare(
            @NonNull Provider provider,
            @CheckForNull String serverUrl,
            @CheckForNull String login,
            @NonNull String token,
            @CheckForNull String requiredScopes,
            @CheckForNull String repository) {
        try {
            Endpoint endpoint = DeclaredServers.resolve(
                    provider, serverUrl, IcrVcsServers.get().declared());
            return new Prepared(
                    VerificationRequest.of(endpoint, login, Token.of(token))
                            .withRequired(Requirement.parse(requiredScopes))
                            .withRepository(repository),
                    null);
        } catch (InvalidInputException e) {
            return new Prepared(null, Verdict.invalidInput(provider, TokenKind.UNKNOWN, e.text()));
        }
    }

    /** The request for a stored token. */
    @NonNull
    public static Prepared prepare(@NonNull IcrVcsToken token, @CheckForNull String repository)
            throws UnknownProviderException {
        return prepare(
                providerOf(token),
                token.getServerUrl(),
                token.getLogin(),
                token.getToken().getPlainText(),
                token.getRequiredScopes(),
                repository);
    }

    /** Verifies what {@link #prepare} prepared. */
    @NonNull
    public static Verdict verify(@NonNull Prepared prepared) {
        return prepared.request() == null ? prepared.refused() : Holder.VERIFIER.verify(prepared.request());
    }

    /** Verifies what {@link #prepare} prepared without the cache: an admin pressed a button and wants the news. */
    @NonNull
    public static Verdict refresh(@NonNull Prepared prepared) {
        return prepared.request() == null ? prepared.refused() : Holder.VERIFIER.refresh(prepared.request());
    }

    /** Verifies a stored token, probing the repository path when one is given. */
    @NonNull
    public static Verdict verify(@NonNull IcrVcsToken token, @CheckForNull String repository)
            throws UnknownProviderException {
        return verify(prepare(token, repository));
    }

    /** Renews a GitLab token with this Jenkins' client; callers check permissions and claim the credential first. */
    @NonNull
    public static Rotation rotate(@NonNull RotationRequest request) {
        return Holder.VERIFIER.rotator().rotate(request);
    }

    /** A bulk verifier sharing this Jenkins' client; it asks afresh and leaves its verdicts in the shared cache. */
    @NonNull
    public static BulkVerifier bulk(int perHost) {
        return new BulkVerifier(
                Holder.VERIFIER, perHost, BulkVerifier.DEFAULT_RATE_LIMIT_FLOOR, Clock.systemUTC(), true);
    }

    /** The API base a stored token is verified against, or null when its provider or server may not be used. */
    @CheckForNull
    public static String apiUrlOf(@NonNull IcrVcsToken token) {
        try {
            VerificationRequest request = prepare(token, null).request();
            return request == null ? null : request.endpoint().api().toString();
        } catch (UnknownProviderException e) {
            return null;
        }
    }

    /**
     * The provider of a stored credential. The form only builds known ones; one edited by hand on disk may name
     * another, and its token then goes nowhere: guessing a provider would send it to a host nobody chose.
     */
    private static Provider providerOf(IcrVcsToken token) throws UnknownProviderException {
        return Provider.fromId(token.getProvider()).orElseThrow(() -> new UnknownProviderException(token));
    }

    /**
     * A stored credential names a provider this plugin does not know. An AbortException, so that a build step that
     * meets one fails with the message alone.
     */
    @Restricted(NoExternalUse.class)
    public static final class UnknownProviderException extends AbortException {
        private static final long serialVersionUID = 1L;

        UnknownProviderException(IcrVcsToken token) {
            super(Messages.Verification_UnknownProvider(token.getId()));
        }
    }
}
