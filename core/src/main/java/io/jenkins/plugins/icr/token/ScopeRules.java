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
     * GitHub's scopes table, https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps:
     * a scope includes the scopes indented below it, and GitHub drops included scopes from what it reports ("requesting
     * user,gist,user:email will result in a token with user and gist scopes only"). {@code public_repo} is a child of
     * {@code repo}, never the other way round. {@code write:org} does not include {@code read:org}: read:org also
     * grants team membership, which the description of write:org does not mention.
     */
    GITHUB_CLASSIC(
            Map.ofEntries(
                    // Indented below repo in the table.
                    Map.entry("repo", List.of("repo:status", "repo_deployment", "public_repo", "repo:invite", "security_events")),
                    // Indented below admin:repo_hook; write:repo_hook "grants read, write, and ping access",
                    // read:repo_hook "read and ping access".
                    Map.entry("admin:repo_hook", List.of("write:repo_hook", "read:repo_hook")),
                    Map.entry("write:repo_hook", List.of("read:repo_hook")),
                    // Indented below admin:org.
                    Map.entry("admin:org", List.of("write:org", "read:org")),
                    // Indented below admin:public_key; write:public_key may "create, list, and view", read:public_key
                    // "list and view".
                    Map.entry("admin:public_key", List.of("write:public_key", "read:public_key")),
                    Map.entry("write:public_key", List.of("read:public_key")),
                    // Indented below admin:gpg_key; the same wording as the public keys'.
                    Map.entry("admin:gpg_key", List.of("write:gpg_key", "read:gpg_key")),
                    Map.entry("write:gpg_key", List.of("read:gpg_key")),
                    // "Note that this scope includes user:email and user:follow"; read:user is indented below it.
                    Map.entry("user", List.of("read:user", "user:email", "user:follow")),
                    // Indented below project.
                    Map.entry("project", List.of("read:project")),
                    // "Includes manage_runners:enterprise, manage_billing:enterprise, and read:enterprise."
                    Map.entry("admin:enterprise",
                            List.of("manage_runners:enterprise", "manage_billing:enterprise", "read:enterprise"))),
            Set.of("delete_repo", "admin:org", "admin:enterprise", "site_admin", "admin:org_hook")),
    /**
     * GitLab's scopes table, https://docs.gitlab.com/security/tokens/access_token_scopes/. Not included, because the
     * table does not say so: {@code read_registry} in {@code write_registry} (group and project tokens "must also
     * include the read_registry scope to push"), and anything in {@code read_api}.
     */
    GITLAB(
            Map.of(
                    // "Complete read and write access to the API ... Includes the container registry, the dependency
                    // proxy, and the package registry"; footnote 1: for a personal access token "also ... the registry
                    // and repository through Git-over-HTTP" (group and project tokens, which /self cannot tell apart,
                    // lack that clause; iCR's own requirement is api itself).
                    "api", List.of("read_api", "read_repository", "write_repository", "read_registry", "write_registry",
                            "read_virtual_registry", "write_virtual_registry"),
                    // "Grants read and write access (pull and push) to repositories".
                    "write_repository", List.of("read_repository"),
                    // "Grants read and write access (pull, push, and delete) to container images".
                    "write_virtual_registry", List.of("read_virtual_registry")),
            Set.of("sudo", "admin_mode")),
    /**
     * The OAuth-style scopes of app passwords and access tokens, as Bitbucket's scope reference describes them,
     * https://developer.atlassian.com/cloud/bitbucket/bitbucket-cloud-rest-api-scopes/. Admin and delete scopes
     * include nothing ("This scope does not imply repository or repository:write"); where the reference says nothing
     * of an implication (account:write, pipeline:write, runner:write) there is none here.
     */
    BITBUCKET_OAUTH(
            Map.of(
                    // "This scope implies repository, which does not need to be requested separately."
                    "repository:write", List.of("repository"),
                    // "This scope implies repository, giving read access to the pull request's destination repository."
                    "pullrequest", List.of("repository"),
                    // "Implies pullrequest ... This scope implies repository:write".
                    "pullrequest:write", List.of("pullrequest", "repository:write"),
                    // Projects, Read: "Read access (repository) to all the repositories in the projects is also
                    // granted", https://support.atlassian.com/bitbucket-cloud/docs/app-password-permissions/
                    "project", List.of("repository"),
                    // "Implies team, but adds the ability to manage the teams".
                    "team:write", List.of("team"),
                    // "This implies issue, but adds the ability to transition and delete issues."
                    "issue:write", List.of("issue"),
                    // "This implies the Snippet Read scope".
                    "snippet:write", List.of("snippet")),
            Set.of("repository:admin", "repository:delete", "project:admin", "account:write", "team:write")),
    /**
     * Atlassian API tokens, https://support.atlassian.com/bitbucket-cloud/docs/api-token-permissions/: "This scope
     * does not imply the read:repository:bitbucket scope"; nothing includes anything, so every scope is checked by
     * name.
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
     * Parses a scope header ({@code X-OAuth-Scopes: repo, user}), sorted: providers separate with a comma and a
     * space, an empty value means no scopes, and unknown scopes are kept (GitHub reports scopes its documentation
     * does not list).
     */
    public static List<String> parse(String header) {
        return header == null ? List.of() : List.copyOf(new TreeSet<>(split(header)));
    }

    /** The one way a scope list is split, a header or what someone typed: on commas and whitespace, no empty names. */
    static List<String> split(String list) {
        return Arrays.stream(list.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }
}
