package dev.socknotes.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How far snippet agents are contained ({@code socknotes.sandbox}); read once, with the other settings. */
public enum SandboxPolicy {
    /** As far as this machine can: full, else the network namespace only, else none; topics that set sysctls need a network namespace. */
    AUTO,
    /** Full containment; a machine that cannot give it fails every topic with the reason. */
    ON,
    /** The network namespace only, as builds did before processes and files were contained. */
    NETWORK,
    /** Never; topics that set sysctls are not executed. */
    OFF;

    /** The setting's word for it. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The policy a setting's value names, if any. */
    public static Optional<SandboxPolicy> of(String word) {
        return Arrays.stream(values()).filter(p -> p.word().equals(word)).findFirst();
    }
}
