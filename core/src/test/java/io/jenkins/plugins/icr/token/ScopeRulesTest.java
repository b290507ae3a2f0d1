package io.jenkins.plugins.icr.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeRulesTest {
    @Test
    void headerIsSplitOnCommasAndSpacesAndUnknownScopesAreKept() {
        assertEquals(List.of("read:discussion", "repo", "user"), ScopeRules.parse("repo, user,read:discussion"));
        assertEquals(List.of(), ScopeRules.parse(""));
        assertEquals(List.of(), ScopeRules.parse(null));
    }

    @Test
    void githubIncludesFollowChainsButNeverUpwards() {
        ScopeRules github = ScopeRules.GITHUB_CLASSIC;
        assertTrue(github.expand(List.of("admin:org")).contains("read:org"), "admin:org -> write:org -> read:org");
        assertEquals(List.of("repo"), github.missing(List.of("repo"), List.of("public_repo", "repo:status")));
        assertEquals(List.of("admin:org"), github.missing(List.of("admin:org"), List.of("read:org", "write:org")));
    }

    @Test
    void atlassianApiTokenScopesIncludeNothing() {
        assertEquals(List.of("read:repository:bitbucket"), ScopeRules.BITBUCKET_API_TOKEN.missing(
                List.of("read:repository:bitbucket"), List.of("write:repository:bitbucket", "admin:repository:bitbucket")));
    }

    @Test
    void bitbucketAdminDoesNotIncludeWrite() {
        assertEquals(List.of("repository:write"), ScopeRules.BITBUCKET_OAUTH.missing(
                List.of("repository:write"), List.of("repository:admin")));
    }

    @Test
    void requirementOverrideIsSplitOnCommasAndWhitespace() throws Exception {
        assertEquals(List.of("repo", "workflow"), Requirement.parse(" repo,workflow  repo "));
        assertEquals(List.of("repo", "workflow"), Requirement.parse("repo, workflow"));
        assertEquals(List.of("repo", "workflow"), Requirement.parse("repo,, ,\tworkflow,"));
        assertEquals(List.of(), Requirement.parse("  "));
        assertEquals(List.of(), Requirement.parse(null));
    }

    @Test
    void implicationsAreTheDocumentedOnesOnly() {
        assertEquals(List.of(), ScopeRules.GITLAB.missing(List.of("read_repository"), List.of("write_repository")));
        assertEquals(List.of("read_registry"), ScopeRules.GITLAB.missing(List.of("read_registry"), List.of("write_registry")));
        assertEquals(List.of("read:org"), ScopeRules.GITHUB_CLASSIC.missing(List.of("read:org"), List.of("write:org")));
        assertEquals(List.of(), ScopeRules.GITHUB_CLASSIC.missing(List.of("read:org", "write:org"), List.of("admin:org")));
        assertEquals(List.of("account"), ScopeRules.BITBUCKET_OAUTH.missing(List.of("account"), List.of("account:write")));
        assertEquals(List.of("pipeline"), ScopeRules.BITBUCKET_OAUTH.missing(List.of("pipeline"), List.of("pipeline:write")));
        assertEquals(List.of(), ScopeRules.BITBUCKET_OAUTH.missing(
                List.of("repository", "repository:write", "pullrequest", "team", "issue", "snippet"),
                List.of("pullrequest:write", "team:write", "issue:write", "snippet:write")));
    }

    @Test
    void requiredScopeWithACharacterNoProviderUsesIsRefusedShownEscaped() {
        for (String[] c : new String[][] {
            {"repo, work\u200bflow", "work\\u200bflow"},
            {"repo;workflow", "repo;workflow"},
            {"r\u00e9po", "r\\u00e9po"},
        }) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> Requirement.parse(c[0]));
            assertTrue(refused.getMessage().startsWith("The scope \"" + c[1] + "\" has a character"), refused.getMessage());
        }
    }

    @Test
    void requiredScopesFieldIsCheckedAsTheVerifierWillParseIt() {
        assertEquals(new FormatCheck(Status.Severity.OK, Text.of("scopes.required", "repo, workflow")), Requirement.check("repo,  workflow"));
        assertEquals(Status.Severity.OK, Requirement.check(" ").severity());
        assertTrue(Requirement.check(" ").message().toString().contains("default"));
        assertEquals(Status.Severity.ERROR, Requirement.check("repo\u00a0workflow").severity());
    }
}
