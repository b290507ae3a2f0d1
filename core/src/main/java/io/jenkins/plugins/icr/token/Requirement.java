package io.jenkins.plugins.icr.token;

import java.util.Arrays;
import java.util.List;

/**
 * The scopes iCR needs, per token kind (DESIGN.md §3), unless a credential overrides them. The GitHub classic set is
 * the one the iCR CI/CD guide asks for (providers.md §5); the Bitbucket sets are a project decision, since iCR
 * documents none: read the account, read and write repositories and pull requests.
 */
public final class Requirement {
    private Requirement() {}

    public static List<String> defaultFor(TokenKind kind) {
        return switch (kind) {
            case GITHUB_CLASSIC, UNKNOWN -> List.of("repo", "workflow", "notifications");
            // Fine-grained permissions, as GitHub names them in X-Accepted-GitHub-Permissions (providers.md §1.9).
            case GITHUB_FINE_GRAINED -> List.of("metadata:read", "contents:write", "pull_requests:write", "workflows:write");
            case GITLAB_PAT -> List.of("api");
            case BITBUCKET_API_TOKEN -> List.of(
                    "read:user:bitbucket",
                    "read:repository:bitbucket",
                    "write:repository:bitbucket",
                    "read:pullrequest:bitbucket",
                    "write:pullrequest:bitbucket");
            case BITBUCKET_APP_PASSWORD -> List.of("account", "repository", "repository:write", "pullrequest", "pullrequest:write");
            // Access tokens belong to a repository, project or workspace, never to an account.
            case BITBUCKET_ACCESS_TOKEN -> List.of("repository", "repository:write", "pullrequest", "pullrequest:write");
            case BITBUCKET_DC_HTTP_TOKEN -> List.of("PROJECT_READ", "REPO_WRITE");
        };
    }

    /** Parses an override such as {@code "repo, workflow"}; blank means "use the default". */
    public static List<String> parse(String override) {
        if (override == null || override.isBlank()) {
            return List.of();
        }
        return Arrays.stream(override.split("[,\\s]+")).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
