package io.jenkins.plugins.icr.credentials;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.icr.credentials.internal.render.Forms;
import io.jenkins.plugins.icr.token.DeclaredServers;
import io.jenkins.plugins.icr.token.Provider;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.DoNotUse;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** A self-hosted server (GitHub Enterprise Server, GitLab self-managed, Bitbucket Data Center) tokens may be sent to. */
public final class IcrVcsServer implements Describable<IcrVcsServer> {
    @NonNull
    private final String provider;

    @NonNull
    private final String name;

    @NonNull
    private final String url;

    @DataBoundConstructor
    public IcrVcsServer(@CheckForNull String provider, @CheckForNull String name, @CheckForNull String url) {
        this.provider = Util.fixNull(provider).strip();
        this.name = Util.fixNull(name).strip();
        this.url = Util.fixNull(url).strip();
    }

    @NonNull
    public String getProvider() {
        return provider;
    }

    @NonNull
    public String getName() {
        return name;
    }

    @NonNull
    public String getUrl() {
        return url;
    }

    /** This server as core's policy sees it; empty when the provider name is unknown. */
    Optional<DeclaredServers.Server> toDeclared() {
        return Provider.fromId(provider).map(p -> new DeclaredServers.Server(p, url));
    }

    @Extension
    @Symbol("icrVcsServer")
    public static final class DescriptorImpl extends Descriptor<IcrVcsServer> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.IcrVcsServer_DisplayName();
        }

        /** The providers that can be self-hosted; a fixed list, so it needs no permission. */
        @Restricted(DoNotUse.class) // WebOnly
        public ListBoxModel doFillProviderItems() {
            ListBoxModel items = new ListBoxModel();
            for (Provider p : Provider.values()) {
                if (p != Provider.BITBUCKET) {
                    items.add(p.displayName(), p.id());
                }
            }
            return items;
        }

        @POST
        @Restricted(DoNotUse.class) // WebOnly
        public FormValidation doCheckUrl(@QueryParameter String provider, @QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.MANAGE);
            Optional<Provider> chosen = Provider.fromId(provider);
            if (chosen.isEmpty()) {
                return FormValidation.ok();
            }
            return Forms.validation(DeclaredServers.checkDeclaration(chosen.get(), value));
        }
    }
}
