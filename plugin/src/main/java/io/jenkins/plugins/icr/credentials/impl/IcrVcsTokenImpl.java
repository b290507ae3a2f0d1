package io.jenkins.plugins.icr.credentials.impl;

import com.cloudbees.plugins.credentials.ContextInPath;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Descriptor;
import hudson.model.ModelObject;
import hudson.security.AccessControlled;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import io.jenkins.plugins.icr.credentials.IcrVcsServers;
import io.jenkins.plugins.icr.credentials.IcrVcsToken;
import io.jenkins.plugins.icr.credentials.internal.CredentialPanels;
import io.jenkins.plugins.icr.credentials.internal.Verification;
import io.jenkins.plugins.icr.credentials.internal.render.Forms;
import io.jenkins.plugins.icr.token.DeclaredServers;
import io.jenkins.plugins.icr.token.FormatCheck;
import io.jenkins.plugins.icr.token.GitUsername;
import io.jenkins.plugins.icr.token.InvalidInputException;
import io.jenkins.plugins.icr.token.Provider;
import io.jenkins.plugins.icr.token.RenewalPolicy;
import io.jenkins.plugins.icr.token.Requirement;
import io.jenkins.plugins.icr.token.RotationRequest;
import io.jenkins.plugins.icr.token.Token;
import io.jenkins.plugins.icr.token.TokenKind;
import java.io.Serial;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.DoNotUse;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.verb.POST;

/** The stored iCR VCS token: provider, server, login and the token as a {@link Secret}. */
public final class IcrVcsTokenImpl extends BaseStandardCredentials implements IcrVcsToken {
    @Serial
    private static final long serialVersionUID = 1L;

    @NonNull
    private final String provider;

    @NonNull
    private final Secret token;

    @NonNull
    private String serverUrl = "";

    @NonNull
    private String login = "";

    @NonNull
    private String requiredScopes = "";

    /** GitLab only: renew the token by itself before it expires (docs/gitlab.md, "Renewing tokens automatically"). */
    private boolean renewAutomatically;

    private int renewDaysBefore = RenewalPolicy.DEFAULT_DAYS_BEFORE;

    /** Days the renewed token lives; {@link RenewalPolicy#SAME_LIFETIME} keeps the lifetime it has. */
    private int renewLifetimeDays = RenewalPolicy.SAME_LIFETIME;

    @DataBoundConstructor
    public IcrVcsTokenImpl(
            @CheckForNull CredentialsScope scope,
            @CheckForNull String id,
            @CheckForNull String description,
            @CheckForNull String provider,
            @CheckForNull Secret token)
            throws Descriptor.FormException {
        super(scope, id, description);
        this.provider = Provider.fromId(Util.fixNull(provider).strip())
                .orElseThrow(() -> new Descriptor.FormException(Messages.IcrVcsTokenImpl_UnknownProvider(), "provider"))
                .id();
        // Pasting adds spaces and line breaks around a token; no provider's token contains them.
        this.token = Secret.fromString(Token.of(Secret.toString(token)).reveal());
    }

    @NonNull
    @Override
    public String getProvider() {
        return provider;
    }

    @NonNull
    @Override
    public Secret getToken() {
        return token;
    }

    @NonNull
    @Override
    public String getServerUrl() {
        return serverUrl;
    }

    @DataBoundSetter
    public void setServerUrl(@CheckForNull String serverUrl) {
        this.serverUrl = Util.fixNull(serverUrl).strip();
    }

    @NonNull
    @Override
    public String getLogin() {
        return login;
    }

    @DataBoundSetter
    public void setLogin(@CheckForNull String login) {
        this.login = Util.fixNull(login).strip();
    }

    @NonNull
    @Override
    public String getRequiredScopes() {
        return requiredScopes;
    }

    @DataBoundSetter
    public void setRequiredScopes(@CheckForNull String requiredScopes) {
        this.requiredScopes = Util.fixNull(requiredScopes).strip();
    }

    public boolean isRenewAutomatically() {
        return renewAutomatically;
    }

    @DataBoundSetter
    public void setRenewAutomatically(boolean renewAutomatically) {
        this.renewAutomatically = renewAutomatically;
    }

    /** At least one day; credentials saved before this setting existed read as the default. */
    public int getRenewDaysBefore() {
        return renewDaysBefore < 1 ? RenewalPolicy.DEFAULT_DAYS_BEFORE : renewDaysBefore;
    }

    @DataBoundSetter
    public void setRenewDaysBefore(int renewDaysBefore) {
        this.renewDaysBefore = renewDaysBefore;
    }

    public int getRenewLifetimeDays() {
        return Math.max(RenewalPolicy.SAME_LIFETIME, Math.min(renewLifetimeDays, RotationRequest.MAX_LIFETIME_DAYS));
    }

    @DataBoundSetter
    public void setRenewLifetimeDays(int renewLifetimeDays) {
        this.renewLifetimeDays = renewLifetimeDays;
    }

    /** The same credential holding a renewed token: same ID, scope, description and settings. */
    @NonNull
    @Restricted(NoExternalUse.class)
    public IcrVcsTokenImpl withToken(@NonNull Secret renewed) throws Descriptor.FormException {
        IcrVcsTokenImpl copy = new IcrVcsTokenImpl(getScope(), getId(), getDescription(), provider, renewed);
        copy.serverUrl = serverUrl;
        copy.login = login;
        copy.requiredScopes = requiredScopes;
        copy.renewAutomatically = renewAutomatically;
        copy.renewDaysBefore = renewDaysBefore;
        copy.renewLifetimeDays = renewLifetimeDays;
        return copy;
    }

    /** Fields added after a credential was saved load from its XML as their defaults, never as null. */
    private Object readResolve() {
        serverUrl = Util.fixNull(serverUrl);
        login = Util.fixNull(login);
        requiredScopes = Util.fixNull(requiredScopes);
        return this;
    }

    /**
     * The username git over HTTPS expects for this provider and token kind (core's GitUsername); the login as given
     * when the provider is unknown (a credential edited by hand on disk, which is never verified).
     */
    @NonNull
    @Override
    public String getUsername() {
        return Provider.fromId(provider)
                .map(p -> GitUsername.of(p, kind(p), login))
                .orElse(login);
    }

    /** Usernames here are fixed names, account names or emails: masking them would only garble build logs. */
    @Override
    public boolean isUsernameSecret() {
        return false;
    }

    private TokenKind kind(Provider p) {
        try {
            return TokenKind.classifyToken(p, Token.of(token.getPlainText()), login);
        } catch (InvalidInputException e) {
            return TokenKind.UNKNOWN;
        }
    }

    @Extension
    @Symbol("icrVcsToken")
    public static final class DescriptorImpl extends BaseStandardCredentialsDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.IcrVcsTokenImpl_DisplayName();
        }

        @Override
        public String getDescription() {
            return Messages.IcrVcsTokenImpl_Description();
        }

        /** A symbol of its own, as other credential types have, in the type chooser and the store's table. */
        @Override
        public String getIconClassName() {
            return "symbol-icr-vcs-token plugin-icr-vcs-credentials";
        }

        /** Token health's panels of a stored credential's form (its views), and the Renew now action. */
        @NonNull
        @Restricted(NoExternalUse.class)
        public CredentialPanels getPanels() {
            return CredentialPanels.get();
        }

        /** The providers; a fixed list, so it needs no permission. */
        @Restricted(DoNotUse.class) // WebOnly
        public ListBoxModel doFillProviderItems() {
            ListBoxModel items = new ListBoxModel();
            for (Provider p : Provider.values()) {
                items.add(p.displayName(), p.id());
            }
            return items;
        }

        /** The servers a token of the chosen provider may target, for those who may edit credentials here. */
        @POST
        @Restricted(DoNotUse.class) // WebOnly
        public ListBoxModel doFillServerUrlItems(
                @ContextInPath ModelObject context, @QueryParameter String provider, @QueryParameter String serverUrl) {
            checkCanEditCredentials(context);
            // In a browser the provider list fills itself at the same moment as this one, and then shows its first
            // entry without a change event: a blank provider is that first entry, not "no provider".
            Optional<Provider> shown =
                    Util.fixEmptyAndTrim(provider) == null ? Optional.of(Provider.values()[0]) : chosen(provider);
            return shown.map(p -> ServerChoices.of(p, serverUrl)).orElseGet(ListBoxModel::new);
        }

        @POST
        @Restricted(DoNotUse.class) // WebOnly
        public FormValidation doCheckServerUrl(
                @ContextInPath ModelObject context, @QueryParameter String provider, @QueryParameter String value) {
            checkCanEditCredentials(context);
            return Provider.fromId(provider)
                    .map(p -> Forms.validation(DeclaredServers.checkCredentialServer(
                            p, value, IcrVcsServers.get().declared())))
                    .orElseGet(FormValidation::ok);
        }

        /**
         * No network: what the typed token is, or why it can never work. The fields are read as posted
         * ({@link PostedCredential}); the parameters name what the form sends with this check.
         */
        @POST
        @Restricted(DoNotUse.class) // WebOnly
        public FormValidation doCheckToken(
                @ContextInPath ModelObject context,
                @QueryParameter String provider,
                @QueryParameter String login,
                @QueryParameter String id,
                @QueryParameter String value) {
            checkCanEditCredentials(context);
            PostedCredential posted = PostedCredential.current();
            return chosen(provider)
                    .map(p -> Forms.validation(
                            FormatCheck.token(p, posted.token("value", context), posted.field("login"))))
                    .orElseGet(FormValidation::ok);
        }

        /** No network: the scopes the field names once parsed, or the name it refuses (written out, escaped). */
        @POST
        @Restricted(DoNotUse.class) // WebOnly
        public FormValidation doCheckRequiredScopes(@ContextInPath ModelObject context, @QueryParameter String value) {
            checkCanEditCredentials(context);
            return Forms.validation(Requirement.check(PostedCredential.current().field("value")));
        }

        /**
         * No network: whether the username fits the token kind (Bitbucket username or Atlassian account email). The
         * fields are read as posted ({@link PostedCredential}); the parameters name what the form sends.
         */
        @POST
        @Restricted(DoNotUse.class) // WebOnly
        public FormValidation doCheckLogin(
                @ContextInPath ModelObject context,
                @QueryParameter String provider,
                @QueryParameter String token,
                @QueryParameter String id,
                @QueryParameter String value) {
            checkCanEditCredentials(context);
            PostedCredential posted = PostedCredential.current();
            return chosen(provider)
                    .map(p -> Forms.validation(
                            FormatCheck.username(p, posted.token("token", context), posted.field("value"))))
                    .orElseGet(FormValidation::ok);
        }

        /**
         * The Verify token button: the live check against the provider, shown as the verdict. The fields are read
         * as posted ({@link PostedCredential}).
         */
        @POST
        @Restricted(DoNotUse.class) // WebOnly
        public FormValidation doVerify(@ContextInPath ModelObject context, @QueryParameter String provider) {
            checkCanEditCredentials(context);
            Optional<Provider> chosen = chosen(provider);
            if (chosen.isEmpty()) {
                return FormValidation.error(Messages.IcrVcsTokenImpl_UnknownProvider());
            }
            PostedCredential posted = PostedCredential.current();
            return Forms.validation(Verification.refresh(Verification.prepare(
                    chosen.get(),
                    posted.field("serverUrl"),
                    posted.field("login"),
                    posted.token("token", context),
                    posted.field("requiredScopes"),
                    null)));
        }

        /** No network and nothing stored: whether the two numbers make a renewal that is not due again at once. */
        @POST
        @Restricted(DoNotUse.class) // WebOnly
        public FormValidation doCheckRenewLifetimeDays(
                @QueryParameter String renewDaysBefore, @QueryParameter String value) {
            return Forms.validation(RenewalPolicy.check(
                    Util.tryParseNumber(renewDaysBefore, RenewalPolicy.DEFAULT_DAYS_BEFORE)
                            .intValue(),
                    Util.tryParseNumber(value, RenewalPolicy.SAME_LIFETIME).intValue()));
        }

        /**
         * The Renew now button: the stored credential with this ID renews itself at GitLab and is replaced in its
         * store. Credentials/Update on that store is checked before anything else is looked at.
         */
        @POST
        @Restricted(DoNotUse.class) // WebOnly
        public FormValidation doRenewNow(
                @ContextInPath ModelObject context, @QueryParameter String id, StaplerResponse2 response) {
            return CredentialPanels.get().renewNow(context, id, response);
        }

        private static Optional<Provider> chosen(String provider) {
            return Provider.fromId(Util.fixNull(provider).strip());
        }

        /**
         * Only those who may create or update credentials where this form lives may have a posted token classified
         * or sent out; at the root, Overall/Manage as well, since a system credential's token goes wherever its
         * server URL points among the declared servers. Checked before anything else is done.
         */
        private static void checkCanEditCredentials(@CheckForNull ModelObject context) {
            AccessControlled target = context instanceof AccessControlled controlled ? controlled : Jenkins.get();
            if (target instanceof Jenkins) {
                target.checkPermission(Jenkins.MANAGE);
            }
            target.checkAnyPermission(CredentialsProvider.CREATE, CredentialsProvider.UPDATE);
        }
    }
}
