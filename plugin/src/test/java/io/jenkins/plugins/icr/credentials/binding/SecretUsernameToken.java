package io.jenkins.plugins.icr.credentials.binding;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;
import io.jenkins.plugins.icr.credentials.IcrVcsToken;
import org.jvnet.hudson.test.TestExtension;

/** An iCR VCS token of another implementation whose username is secret, as a credential type may declare. */
final class SecretUsernameToken extends BaseStandardCredentials implements IcrVcsToken {
    private final String username;
    private final Secret token;
    private final String serverUrl;

    SecretUsernameToken(String id, String username, String token, String serverUrl) {
        super(CredentialsScope.GLOBAL, id, "");
        this.username = username;
        this.token = Secret.fromString(token);
        this.serverUrl = serverUrl;
    }

    @NonNull
    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isUsernameSecret() {
        return true;
    }

    @NonNull
    @Override
    public String getProvider() {
        return "github";
    }

    @NonNull
    @Override
    public String getServerUrl() {
        return serverUrl;
    }

    @NonNull
    @Override
    public String getLogin() {
        return username;
    }

    @NonNull
    @Override
    public Secret getToken() {
        return token;
    }

    @NonNull
    @Override
    public String getRequiredScopes() {
        return "";
    }

    @TestExtension
    public static final class DescriptorImpl extends BaseStandardCredentialsDescriptor {}
}
