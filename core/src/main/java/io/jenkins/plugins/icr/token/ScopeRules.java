package io.jenkins.plugins.icr.token;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a provider's scopes include one another, and which are broader than iCR should hold. A required scope is
 * present when it, or a scope that includes it, was granted; providers report granted scopes normalized (GitHub
 * reports {@code repo}, never its children), so the includes have to be expanded here.
 */
public enum ScopeRules {
    /**
     * providers.md §1.5, from GitHub's scopes table. Note that {@code public_repo} is a child of {@code repo}, not
     * the other way round: a token with {@code public_repo} cannot touch a private repository.
     */
    GITHUB_CLASSIC(
            Map.ofEntries(
                    Map.entry("repo", List.of("repo:status", "repo_deployment", "public_repo", "repo:invite", "security_events")),
                    Map.entry("admin:repo_hook", List.of("write:repo_hook")),
                    Map.entry("write:repo_hook", List.of("read:repo_hook")),
                    Map.entry("admin:org", List.of("write:org")),
                    Map.entry("write:org", List.of("read:org")),
                    Map.entry("admin:public_key", List.of("write:public_key")),
                    Map.entry("write:public_key", List.of("read:public_key")),
                    Map.entry("admin:gpg_key", List.of("write:gpg_key")),
                    Map.entry("write:gpg_key", List.of("read:gpg_key")),
                    Map.entry("user", List.of("read:user", "user:email", "user:follow")),
                    Map.entry("project", List.of("read:project")),
                    Map.entry("admin:enterprise",
                            List.of("manage_runners:enterprise", "manage_billing:enterprise", "read:enterprise"))),
            Set.of("delete_repo", "admin:org", "admin:enterprise", "site_admin", "admin:org_hook")),
    /**
     * providers.md §2.5: for a personal access token {@code api} also grants Git-over-HTTP read and write. Whether
     * {@code write_repository} includes {@code read_repository} is not documented, so it does not here.
     */
    GITLAB(
            Map.of("api", List.of("read_api", "read_repository", "write_repository", "read_registry", "write_registry")),
            Set.of("sudo", "admin_mode")),
    /**
     * The OAuth-style scopes of app passwords and access tokens (providers.md §3.1, Bitbucket Cloud REST API scopes):
     * write includes read, {@code pullrequest} and {@code project} include {@code repository}; admin and delete
     * include nothing.
     */
    BITBUCKET_OAUTH(
            Map.of(
                    "repository:write", List.of("repository"),
                    "pullrequest", List.of("repository"),
                    "pullrequest:write", List.of("pullrequest", "repository:write"),
                    "project", List.of("repository"),
                    "account:write", List.of("account"),
                    "team:write", List.of("team"),
                    "issue:write", List.of("issue"),
                    "snippet:write", List.of("snippet"),
                    "pipeline:write", List.of("pipeline")),
            Set.of("repository:admin", "repository:delete", "project:admin", "account:write", "team:write")),
    /**
     * Atlassian API tokens (providers.md §3.2): "This scope does not imply the read:repository:bitbucket scope";
     * nothing includes anything, so every scope is checked by name.
     */
    BITBUCKET_API_TOKEN(
            Map.of(),
            Set.of(
                    "admin:repository:bitbucket",
                    "delete:repository:bitbucket",
                    "admin:project:bitbucket",
                    "admin:workspace:bitbucket")),
    /** Providers that report no scopes at all: requirements are shown, never decided. */
    UNREPORTED(Map.of(), Set.of());

    private final Map<String, List<String>> includes;
    private final Set<String> overBroad;

    ScopeRules(Map<String, List<String>> includes, Set<String> overBroad) {
        this.includes = includes;
        this.overBroad = overBroad;
    }

    public static ScopeRules of(TokenKind kind) {
        return switch (kind) {
            case GITHUB_CLASSIC, UNKNOWN -> GITHUB_CLASSIC;
            case GITLAB_PAT -> GITLAB;
            case BITBUCKET_APP_PASSWORD, BITBUCKET_ACCESS_TOKEN -> BITBUCKET_OAUTH;
            case BITBUCKET_API_TOKEN -> BITBUCKET_API_TOKEN;
            case GITHUB_FINE_GRAINED, BITBUCKET_DC_HTTP_TOKEN -> UNREPORTED;
        };
    }

    /** Every scope the granted ones amount to, the granted ones included. */
    public Set<String> expand(Collection<String> granted) {
        Set<String> all = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(granted);
        while (!todo.isEmpty()) {
            String scope = todo.pop();
            if (all.add(scope)) {
                todo.addAll(includes.getOrDefault(scope, List.of()));
            }
        }
        return all;
    }

    /** The required scopes that the granted ones do not include, in the order required. */
    public List<String> missing(Collection<String> required, Collection<String> granted) {
        Set<String> have = expand(granted);
        return required.stream().filter(r -> !have.contains(r)).toList();
    }

    /** Granted scopes broader than iCR needs and not asked for: worth a warning, never a failure. */
    public List<String> overBroad(Collection<String> granted, Collection<String> required) {
        return granted.stream().filter(overBroad::contains).filter(s -> !required.contains(s)).sorted().toList();
    }

    /**
     * Parses a scope header ({@code X-OAuth-Scopes: repo, user}). Providers separate with a comma and a space; both
     * are accepted, an empty value means no scopes, and unknown scopes are kept (providers.md §1.4).
     */
    public static List<String> parse(String header) {
        if (header == null) {
            return List.of();
        }
        return List.copyOf(new TreeSet<>(Arrays.stream(header.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList()));
    }
}
