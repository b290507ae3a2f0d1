package io.jenkins.plugins.icr.credentials.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import hudson.util.StreamTaskListener;
import io.jenkins.plugins.icr.credentials.GitHubStub;
import io.jenkins.plugins.icr.token.Status;
import io.jenkins.plugins.icr.token.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

class TokenHealthPersistenceTest {
    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void resultsSurviveARestart() throws Throwable {
        sessions.then(r -> {
            try (GitHubStub github = GitHubStub.started()) {
                github.addToken(r, "icr-github", TestTokens.githubClassic());
                Sweeper.sweep(StreamTaskListener.fromStdout());
            }
        });
        sessions.then(r -> {
            TokenHealthRecord record = TokenHealthStore.get().latestFor("icr-github");
            assertNotNull(record);
            assertEquals(Status.VALID, record.getStatus());
            assertEquals("octocat", record.getAccount());
        });
    }
}
