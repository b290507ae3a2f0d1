package io.jenkins.plugins.icr.token;

import java.util.Arrays;
import java.util.Optional;

/** The version-control services iCR works with. {@link #id()} is the stable name used by the CLI, JSON and Jenkins. */
public enum Provider {
    GITHUB("github", "GitHub", "https://github.com"),
    GITLAB("gitlab", "GitLab", "https://gitlab.com"),
    BITBUCKET("bitbucket", "Bitbucket Cloud", "https://bitbucket.org"),
    /** Self-hosted only: there is no public service, so a server URL is always required. */
    BITBUCKET_DC("bitbucket-dc", "Bitbucket Data Center", null);

    private final String id;
    private final String displayName;
    private final String publicServer;

    Provider(String id, String displayName, String publicServer) {
        this.id = id;
        this.displayName = displayName;
        this.publicServer = publicServer;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** The web URL of the provider's public service, empty for Bitbucket Data Center. */
    public Optional<String> publicServer() {
        return Optional.ofNullable(publicServer);
    }

    public static Optional<Provider> fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }
}
