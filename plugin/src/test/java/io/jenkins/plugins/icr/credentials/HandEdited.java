package io.jenkins.plugins.icr.credentials;

import jenkins.model.Jenkins;

/** Objects read from XML as Jenkins reads its files, for what a hand edit or an older version may leave there. */
public final class HandEdited {
    private HandEdited() {}

    /** An iCR VCS token as its XML would hold it, with only these fields (the token in clear text, as an edit would). */
    public static IcrVcsToken token(String id, String provider, String serverUrl, String token) {
        return (IcrVcsToken) Jenkins.XSTREAM2.fromXML("<io.jenkins.plugins.icr.credentials.impl.IcrVcsTokenImpl>"
                + "<scope>GLOBAL</scope><id>" + id + "</id><description>edited by hand</description>"
                + "<provider>" + provider + "</provider><token>" + token + "</token>"
                + (serverUrl == null ? "" : "<serverUrl>" + serverUrl + "</serverUrl>")
                + "</io.jenkins.plugins.icr.credentials.impl.IcrVcsTokenImpl>");
    }
}
