package io.jenkins.plugins.icr.credentials.impl;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.icr.credentials.IcrVcsServer;
import io.jenkins.plugins.icr.credentials.IcrVcsServers;
import io.jenkins.plugins.icr.token.DeclaredServers;
import io.jenkins.plugins.icr.token.Provider;
import io.jenkins.plugins.icr.token.Status;
import java.net.URI;

/**
 * The servers a credential of a provider may target, as its form lists them: the provider's public service (the
 * empty value) and the servers declared for it; nothing else is ever accepted, so the form needs no free text.
 */
final class ServerChoices {
    private ServerChoices() {}

    /**
     * The choices; a stored value that is none of them stays listed, marked when it is refused, so that opening the
     * form never changes a credential's server silently.
     */
    @NonNull
    static ListBoxModel of(@NonNull Provider provider, @CheckForNull String current) {
        ListBoxModel items = new ListBoxModel();
        provider.publicServer()
                .ifPresent(server -> items.add(
                        Messages.IcrVcsTokenImpl_PublicService(
                                URI.create(server).getHost()),
                        ""));
        for (IcrVcsServer server : IcrVcsServers.get().getServers()) {
            if (server.getProvider().equals(provider.id())) {
                String url = server.getUrl();
                items.add(
                        server.getName().isEmpty()
                                ? url
                                : Messages.IcrVcsTokenImpl_DeclaredServer(server.getName(), url),
                        url);
            }
        }
        String stored = Util.fixEmptyAndTrim(current);
        if (stored != null && items.stream().noneMatch(item -> stored.equals(item.value))) {
            boolean accepted = DeclaredServers.checkCredentialServer(
                                    provider, stored, IcrVcsServers.get().declared())
                            .severity()
                    == Status.Severity.OK;
            items.add(accepted ? stored : Messages.IcrVcsTokenImpl_UndeclaredServer(stored), stored);
        }
        return items;
    }
}
