package dev.socknotes.config;

/** What a run of socknotes does. */
public enum Mode {
    /** Execute every snippet, fail on any difference, write the site (the default; CI). */
    BUILD,
    /** Execute, then rewrite the output blocks in content/ to what the snippets printed. */
    UPDATE,
    /** Build, serve the site on loopback, rebuild on change (preview). */
    SERVE,
    /** Record the current zh/en section pairs as in sync in data/translations.lock (after a translator checked them). */
    SYNC,
    /** Check the kernel matrix's records in data/matrix/, re-running what changed in virtual machines. */
    MATRIX,
    /** Re-run what changed on the kernel matrix and rewrite its records. */
    MATRIX_UPDATE
}
