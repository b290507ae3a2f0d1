package io.jenkins.plugins.icr.token;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The scopes iCR needs, per token kind (docs/provider-apis.md §5), unless a credential overrides them. The GitHub classic set is
 * the one the iCR CI/CD guide asks for (docs/provider-apis.md §5); the Bitbucket sets are a project decision, since iCR
 * documents none: read the account, read and write repositories and pull requests.
 */
public final class Requirement {
    /**
     * Every scope and permission name GitHub, GitLab and Bitbucket use ({@code repo}, {@code read:org},
     * {@code write_repository}, {@code read:repository:bitbucket}, {@code PROJECT_READ}) fits this.
     */
    private static final Pattern SCOPE_NAME = Pattern.compile("[A-Za-z0-9_:]+");

    private Requirement() {}

    public static List<String> defaultFor(TokenKind kind) {
        return switch (kind) {
            case GITHUB_CLASSIC, UNKNOWN -> List.of("repo", "workflow", "notifications");
            // Fine-grained permissions, as GitHub names them in X-Accepted-GitHub-Permissions (docs/provider-apis.md §1.9).
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

    /**
     * Parses the scopes someone requires instead of the default (the command line's {@code --require}, a
     * credential's required scopes), such as {@code "repo, workflow"}: split on commas and whitespace, empty names
     * dropped, repeats removed; blank means "use the default".
     *
     * @throws InvalidInputException naming, escaped, a name with a character no provider uses in scope names
     */
    public static List<String> parse(String override) throws InvalidInputException {
        if (override == null) {
            return List.of();
        }
        List<String> names = ScopeRules.split(override);
        for (String name : names) {
            if (!SCOPE_NAME.matcher(name).matches()) {
                throw new InvalidInputException(
                        Text.of("scopes.badName", ApiText.abbreviate(escaped(name), 60)));
            }
        }
        return names.stream().distinct().toList();
    }

    /** The form check of a required-scopes field: what {@link #parse} makes of it, or why it refuses it. */
    public static FormatCheck check(String override) {
        try {
            List<String> scopes = parse(override);
            return new FormatCheck(Status.Severity.OK, scopes.isEmpty()
                    ? Text.of("scopes.default")
                    : Text.of("scopes.required", String.join(", ", scopes)));
        } catch (InvalidInputException e) {
            return new FormatCheck(Status.Severity.ERROR, e.text());
        }
    }

    /** Every character outside printable ASCII written out, so that an invisible one shows. */
    private static String escaped(String name) {
        StringBuilder out = new StringBuilder();
        name.chars().forEach(c -> out.append(c > 0x20 && c < 0x7f ? String.valueOf((char) c) : ApiText.escaped(c)));
        return out.toString();
    }
}
