package io.jenkins.plugins.icr.credentials.binding;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.icr.credentials.IcrVcsToken;
import io.jenkins.plugins.icr.credentials.Lookups;
import io.jenkins.plugins.icr.credentials.Verification;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.credentialsbinding.BindingDescriptor;
import org.jenkinsci.plugins.credentialsbinding.MultiBinding;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code withCredentials([icrVcsToken(tokenVariable: 'T')])}: the token in a masked variable, and optionally the git
 * username, the provider and the API base in public ones. Without {@code credentialsId} it takes the job's Field 2.
 */
public final class IcrVcsTokenBinding extends MultiBinding<IcrVcsToken> {
    public static final String DEFAULT_TOKEN_VARIABLE = "ICR_VCS_TOKEN";

    @NonNull
    private String tokenVariable = DEFAULT_TOKEN_VARIABLE;

    @NonNull
    private String usernameVariable = "";

    @NonNull
    private String providerVariable = "";

    @NonNull
    private String apiUrlVariable = "";

    @DataBoundConstructor
    public IcrVcsTokenBinding(@CheckForNull String credentialsId) {
        super(Util.fixEmptyAndTrim(credentialsId));
    }

    @NonNull
    public String getTokenVariable() {
        return tokenVariable;
    }

    @DataBoundSetter
    public void setTokenVariable(@CheckForNull String tokenVariable) {
        String name = Util.fixEmptyAndTrim(tokenVariable);
        this.tokenVariable = name == null ? DEFAULT_TOKEN_VARIABLE : name;
    }

    @NonNull
    public String getUsernameVariable() {
        return usernameVariable;
    }

    @DataBoundSetter
    public void setUsernameVariable(@CheckForNull String usernameVariable) {
        this.usernameVariable = Util.fixNull(usernameVariable).strip();
    }

    @NonNull
    public String getProviderVariable() {
        return providerVariable;
    }

    @DataBoundSetter
    public void setProviderVariable(@CheckForNull String providerVariable) {
        this.providerVariable = Util.fixNull(providerVariable).strip();
    }

    @NonNull
    public String getApiUrlVariable() {
        return apiUrlVariable;
    }

    @DataBoundSetter
    public void setApiUrlVariable(@CheckForNull String apiUrlVariable) {
        this.apiUrlVariable = Util.fixNull(apiUrlVariable).strip();
    }

    @Override
    protected Class<IcrVcsToken> type() {
        return IcrVcsToken.class;
    }

    @Override
    public MultiEnvironment bind(
            @NonNull Run<?, ?> build,
            @Nullable FilePath workspace,
            @Nullable Launcher launcher,
            @NonNull TaskListener listener)
            throws IOException, InterruptedException {
        IcrVcsToken token = Lookups.tokenFor(build, getCredentialsId());
        Map<String, String> secret = Map.of(tokenVariable, token.getToken().getPlainText());
        Map<String, String> shown = new LinkedHashMap<>();
        putIfNamed(shown, usernameVariable, token.getUsername());
        putIfNamed(shown, providerVariable, token.getProvider());
        String api = Verification.apiUrlOf(token);
        putIfNamed(shown, apiUrlVariable, api == null ? "" : api);
        return new MultiEnvironment(secret, shown);
    }

    /** Only the token is secret; the username of these tokens is never a secret (IcrVcsToken#isUsernameSecret). */
    @Override
    public Set<String> variables(@NonNull Run<?, ?> build) {
        return Set.of(tokenVariable);
    }

    private static void putIfNamed(Map<String, String> values, String variable, String value) {
        if (!variable.isEmpty()) {
            values.put(variable, value);
        }
    }

    @Extension
    @Symbol("icrVcsToken")
    public static final class DescriptorImpl extends BindingDescriptor<IcrVcsToken> {
        @Override
        protected Class<IcrVcsToken> type() {
            return IcrVcsToken.class;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.IcrVcsTokenBinding_DisplayName();
        }

        @Override
        public boolean requiresWorkspace() {
            return false;
        }
    }
}
