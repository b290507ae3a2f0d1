package io.jenkins.plugins.icr.credentials.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.openqa.selenium.JavascriptExecutor;

/** The browser tests' console check catches what it is there for; a check that cannot fail would prove nothing. */
@WithJenkins
class BrowserConsoleTest {
    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void inlineScriptBlockedByTheEnforcedPolicyAndAnUncaughtErrorFailTheTest(JenkinsRule j) throws Exception {
        browser.open(j, "");
        ((JavascriptExecutor) browser.driver())
                .executeScript("const inline = document.createElement('script');"
                        + "inline.textContent = 'window.ran = true';"
                        + "document.body.appendChild(inline);"
                        + "setTimeout(() => { throw new Error('planted by the test'); });"
                        + "setTimeout(() => { window.thrown = true; });");
        browser.until(d -> ((JavascriptExecutor) d).executeScript("return window.thrown === true"));

        assertEquals(
                Boolean.FALSE,
                ((JavascriptExecutor) browser.driver()).executeScript("return window.ran === true"),
                "the policy is enforced: the inline script did not run");
        AssertionError failure = assertThrows(AssertionError.class, browser::assertCleanConsole);

        String message = failure.getMessage();
        assertTrue(message.contains("Content Security Policy") && message.contains("planted by the test"), message);
    }
}
