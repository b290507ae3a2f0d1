package io.jenkins.plugins.icr.credentials;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.security.Permission;
import io.jenkins.plugins.icr.token.DeclaredServers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * The self-hosted servers administrators allow tokens to be sent to. A credential may target only its provider's
 * public service or one of these, so that nobody without Overall/Manage can point a stored token at a host of
 * their choosing.
 */
@Extension
@Symbol("icrVcsServers")
public final class IcrVcsServers extends GlobalConfiguration {
    private List<IcrVcsServer> servers = new ArrayList<>();

    public IcrVcsServers() {
        load();
    }

    @NonNull
    public static IcrVcsServers get() {
        return ExtensionList.lookupSingleton(IcrVcsServers.class);
    }

    @NonNull
    public synchronized List<IcrVcsServer> getServers() {
        return List.copyOf(servers);
    }

    @DataBoundSetter
    public synchronized void setServers(@CheckForNull List<IcrVcsServer> servers) {
        this.servers = servers == null ? new ArrayList<>() : new ArrayList<>(servers);
        save();
    }

    /** The declared servers whose provider is known, for core's policy. */
    @NonNull
    @Restricted(NoExternalUse.class)
    public List<DeclaredServers.Server> declared() {
        return getServers().stream()
                .map(IcrVcsServer::toDeclared)
                .flatMap(Optional::stream)
                .toList();
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.IcrVcsServers_DisplayName();
    }

    /**
     * Binds the whole list first and replaces it after: a form that fails to bind leaves the servers as they were,
     * and no save (nor a verification meanwhile) ever sees an empty list that would refuse every declared server.
     * A form without the key had its last server deleted.
     */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) {
        setServers(req.bindJSONToList(IcrVcsServer.class, json.opt("servers")));
        return true;
    }

    @NonNull
    @Override
    public Permission getRequiredGlobalConfigPagePermission() {
        return Jenkins.MANAGE;
    }
}
