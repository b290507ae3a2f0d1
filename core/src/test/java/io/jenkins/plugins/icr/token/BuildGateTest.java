package io.jenkins.plugins.icr.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuildGateTest {
    private static Verdict verdict(Status status, List<Text> warnings) {
        return new Verdict(status, Provider.GITHUB, TokenKind.GITHUB_CLASSIC, "octocat", List.of(), List.of(), List.of(),
                null, RateLimit.UNKNOWN, warnings, Text.verbatim("m"), Fix.NONE);
    }

    @Test
    void tokensThatWouldMakeIcrFailFailTheBuild() {
        for (Status status : List.of(Status.REJECTED, Status.MISSING_SCOPES, Status.FORBIDDEN, Status.INVALID_INPUT)) {
            assertEquals(BuildGate.FAIL, BuildGate.of(verdict(status, List.of()), false), status.name());
            assertEquals(BuildGate.FAIL, BuildGate.of(verdict(status, List.of()), true), status.name());
        }
    }

    @Test
    void uncertaintyMarksTheBuildUnstableOnlyWhenAsked() {
        for (Status status : List.of(Status.UNVERIFIABLE, Status.RATE_LIMITED, Status.UNREACHABLE)) {
            assertEquals(BuildGate.PASS, BuildGate.of(verdict(status, List.of()), false), status.name());
            assertEquals(BuildGate.UNSTABLE, BuildGate.of(verdict(status, List.of()), true), status.name());
        }
        assertEquals(BuildGate.PASS, BuildGate.of(verdict(Status.VALID, List.of(Text.of("warning.expiresSoon"))), false));
        assertEquals(BuildGate.UNSTABLE, BuildGate.of(verdict(Status.VALID, List.of(Text.of("warning.expiresSoon"))), true));
        assertEquals(BuildGate.PASS, BuildGate.of(verdict(Status.VALID, List.of()), true));
    }
}
