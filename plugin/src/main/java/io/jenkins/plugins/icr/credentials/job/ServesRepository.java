package io.jenkins.plugins.icr.credentials.job;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsMatcher;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.icr.credentials.IcrVcsServers;
import io.jenkins.plugins.icr.credentials.IcrVcsToken;
import io.jenkins.plugins.icr.token.InvalidInputException;
import io.jenkins.plugins.icr.token.Provider;
import io.jenkins.plugins.icr.token.RepositoryUrl;
import java.io.Serial;

/** Matches the iCR VCS tokens whose provider and server host a repository URL (core's RepositoryUrl decides). */
final class ServesRepository implements CredentialsMatcher {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String repositoryUrl;

    ServesRepository(String repositoryUrl) {
        this.repositoryUrl = repositoryUrl;
    }

    @Override
    public boolean matches(@NonNull Credentials item) {
        if (!(item instanceof IcrVcsToken token)) {
            return false;
        }
        try {
            return pathFor(token, RepositoryUrl.parse(repositoryUrl)) != null;
        } catch (InvalidInputException e) {
            // A malformed Field 3 is reported by its own check; it must not hide every token.
            return true;
        }
    }

    @CheckForNull
    static String pathFor(@NonNull IcrVcsToken token, @NonNull RepositoryUrl url) {
        return Provider.fromId(token.getProvider())
                .map(p ->
                        url.pathFor(p, token.getServerUrl(), IcrVcsServers.get().declared()))
                .orElse(null);
    }
}
