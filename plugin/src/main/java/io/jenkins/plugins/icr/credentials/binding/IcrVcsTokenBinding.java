package io.jenkins.plugins.icr.credentials.binding;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.icr.credentials.IcrVcsToken;
import io.jenkins.plugins.icr.credentials.internal.Verification;
import io.jenkins.plugins.icr.credentials.job.Lookups;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.credentialsbinding.BindingDescriptor;
import org.jenkinsci.plugins.credentialsbinding.MultiBinding;
import org.jenkinsci.plugins.credentialsbinding.impl.CredentialNotFoundException;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.DoNotUse;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * {@code withCredentials([icrVcsToken(tokenVariable: 'T')])}: the token in a masked variable, and optionally the git
 * username (masked too when the credential says it is secret, as {@code usernamePassword} does), the provider and the
 * API base in public ones. Without {@code credentialsId} it takes the job's Field 2.
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

    /** A configuration saved before some variables existed loads with them at their defaults, never null. */
    private Object readResolve() {
        setTokenVariable(tokenVariable);
        usernameVariable = Util.fixNull(usernameVariable);
        providerVariable = Util.fixNull(providerVariable);
        apiUrlVariable = Util.fixNull(apiUrlVariable);
        return this;
    }

    @Override
    public MultiEnvironment bind(
            @NonNull Run<?, ?> build,
            @Nullable FilePath workspace,
            @Nullable Launcher launcher,
            @NonNull TaskListener listener)
            throws IOException, InterruptedException {
        if (usernameVariable.equals(tokenVariable)) {
            throw new AbortException(Messages.IcrVcsTokenBinding_SameVariable(tokenVariable));
        }
        IcrVcsToken token = Lookups.tokenFor(build, getCredentialsId());
        Map<String, String> secret = new LinkedHashMap<>();
        Map<String, String> shown = new LinkedHashMap<>();
        secret.put(tokenVariable, token.getToken().getPlainText());
        putIfNamed(token.isUsernameSecret() ? secret : shown, usernameVariable, token.getUsername());
        putIfNamed(shown, providerVariable, token.getProvider());
        String api = Verification.apiUrlOf(token);
        putIfNamed(shown, apiUrlVariable, api == null ? "" : api);
        return new MultiEnvironment(secret, shown);
    }

    /** The masked variables: the token, and the username when the credential says it is secret. */
    @Override
    public Set<String> variables(@NonNull Run<?, ?> build) throws CredentialNotFoundException {
        Set<String> masked = new LinkedHashSet<>();
        masked.add(tokenVariable);
        if (!usernameVariable.isEmpty() && tokenOf(build).isUsernameSecret()) {
            masked.add(usernameVariable);
        }
        return masked;
    }

    private IcrVcsToken tokenOf(Run<?, ?> build) throws CredentialNotFoundException {
        try {
            return Lookups.tokenFor(build, getCredentialsId());
        } catch (AbortException e) {
            throw new CredentialNotFoundException(e.getMessage());
        }
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

        /** Two names compared, nothing looked up or sent: no permission to check. */
        @Restricted(DoNotUse.class) // WebOnly
        public FormValidation doCheckUsernameVariable(
                @QueryParameter String value, @QueryParameter String tokenVariable) {
            String token = Util.fixEmptyAndTrim(tokenVariable);
            String username = Util.fixNull(value).strip();
            return username.equals(token == null ? DEFAULT_TOKEN_VARIABLE : token)
                    ? FormValidation.error(Messages.IcrVcsTokenBinding_SameVariable(username))
                    : FormValidation.ok();
        }
    }
}
