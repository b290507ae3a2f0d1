package io.jenkins.plugins.icr.credentials.health;

/** The record of a credential id, for tests whose ids are unique across stores. */
final class HealthRecords {
    private HealthRecords() {}

    static TokenHealthRecord of(String credentialId) {
        return TokenHealthStore.get().all().stream()
                .filter(r -> r.getCredentialId().equals(credentialId))
                .findFirst()
                .orElse(null);
    }
}
