package io.jenkins.plugins.icr.token.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.icr.token.Verdict;
import java.util.Locale;

/** The command-line checker's JSON contract: one object, the fields of {@link VerdictFields}, nulls written out. */
public final class VerdictJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private VerdictJson() {}

    /** In English: the command line does not depend on the machine's locale. */
    public static String render(Verdict v) {
        try {
            return MAPPER.writeValueAsString(VerdictFields.of(v, Locale.ROOT));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Strings, lists and numbers always serialize", e);
        }
    }
}
