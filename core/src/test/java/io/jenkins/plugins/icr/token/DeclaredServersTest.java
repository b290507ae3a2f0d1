package io.jenkins.plugins.icr.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.icr.token.DeclaredServers.Server;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A stored token goes only to its provider's public service or to a server an administrator declared. */
class DeclaredServersTest {
    private static final List<Server> DECLARED = List.of(
            new Server(Provider.GITHUB, "https://github.example.com/"),
            new Server(Provider.BITBUCKET_DC, "https://bitbucket.example.com/context"));

    @Test
    void blankMeansThePublicService() throws Exception {
        assertEquals("https://api.github.com/", DeclaredServers.resolve(Provider.GITHUB, " ", DECLARED).api().toString());
        assertEquals("https://api.github.com/", DeclaredServers.resolve(Provider.GITHUB, null, DECLARED).api().toString());
        assertEquals("https://gitlab.com/api/v4", DeclaredServers.resolve(Provider.GITLAB, "https://gitlab.com", DECLARED).api().toString());
    }

    @Test
    void declaredServerIsAcceptedInAnySpelling() throws Exception {
        assertEquals("https://github.example.com/api/v3",
                DeclaredServers.resolve(Provider.GITHUB, "https://GitHub.example.com", DECLARED).api().toString());
        assertEquals("https://bitbucket.example.com/context/rest/api/1.0",
                DeclaredServers.resolve(Provider.BITBUCKET_DC, "https://bitbucket.example.com/context/", DECLARED).api().toString());
    }

    @Test
    void formChecksFollowTheSameRules() {
        assertEquals(Status.Severity.OK, DeclaredServers.checkCredentialServer(Provider.GITHUB, "https://github.example.com", DECLARED).severity());
        assertEquals(Status.Severity.ERROR, DeclaredServers.checkCredentialServer(Provider.GITHUB, "https://evil.example", DECLARED).severity());
        assertEquals(Status.Severity.OK, DeclaredServers.checkDeclaration(Provider.GITLAB, "https://gitlab.example.com").severity());
        assertEquals(Status.Severity.WARNING, DeclaredServers.checkDeclaration(Provider.GITLAB, "http://gitlab.internal").severity());
        assertEquals(Status.Severity.ERROR, DeclaredServers.checkDeclaration(Provider.GITLAB, "https://169.254.169.254").severity());
        assertEquals(Status.Severity.ERROR, DeclaredServers.checkDeclaration(Provider.BITBUCKET, "https://bitbucket.example.com").severity());
    }

    @Test
    void anythingElseIsRefused() {
        for (String url : List.of("https://attacker.example", "http://github.example.com", "https://github.example.com/other",
                "https://github.example.com:8443", "https://github.example.com/pasted-secret-in-path")) {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> DeclaredServers.resolve(Provider.GITHUB, url, DECLARED));
            assertTrue(refused.getMessage().contains("not a declared GitHub server"), refused.getMessage());
            assertFalse(refused.getMessage().contains(url), "the refusal quotes the URL: " + refused.getMessage());
        }
        assertThrows(InvalidInputException.class,
                () -> DeclaredServers.resolve(Provider.GITLAB, "https://github.example.com", DECLARED), "declared for another provider");
        assertThrows(InvalidInputException.class, () -> DeclaredServers.resolve(Provider.BITBUCKET_DC, "", DECLARED));
    }
}
