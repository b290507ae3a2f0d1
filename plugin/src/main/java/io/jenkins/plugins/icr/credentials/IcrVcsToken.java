package io.jenkins.plugins.icr.credentials;

import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import com.cloudbees.plugins.credentials.NameWith;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;
import io.jenkins.plugins.icr.token.Provider;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * A token that iCR uses to reach a GitHub, GitLab or Bitbucket repository. It is both a username/password and a
 * secret text credential, so {@code usernamePassword(...)}, {@code string(...)} and git over HTTPS take it as it is:
 * the password and the secret are the token, the username is the one git expects for the provider and token kind.
 */
@NameWith(value = IcrVcsToken.NameProvider.class, priority = 64)
public interface IcrVcsToken extends StandardUsernamePasswordCredentials, StringCredentials {

    /** The provider's stable name: {@code github}, {@code gitlab}, {@code bitbucket} or {@code bitbucket-dc}. */
    @NonNull
    String getProvider();

    /** The web URL of a declared self-hosted server; empty for the provider's public service. */
    @NonNull
    String getServerUrl();

    /**
     * What the provider's API authenticates with besides the token: the Bitbucket username (app passwords) or the
     * Atlassian account email (API tokens); usually empty elsewhere. Not always the git username: see
     * {@link #getUsername()}.
     */
    @NonNull
    String getLogin();

    @NonNull
    Secret getToken();

    /** Scopes that replace the default requirement, comma separated; empty for the default. */
    @NonNull
    String getRequiredScopes();

    @NonNull
    @Override
    default Secret getPassword() {
        return getToken();
    }

    @NonNull
    @Override
    default Secret getSecret() {
        return getToken();
    }

    /** Names the credential by its description and provider; never by anything secret. */
    class NameProvider extends CredentialsNameProvider<IcrVcsToken> {
        @NonNull
        @Override
        public String getName(@NonNull IcrVcsToken credentials) {
            String provider = Provider.fromId(credentials.getProvider())
                    .map(Provider::displayName)
                    .orElse(credentials.getProvider());
            String description = credentials.getDescription();
            return description.isBlank()
                    ? Messages.IcrVcsToken_Name(provider, credentials.getId())
                    : description + " (" + provider + ")";
        }
    }
}
