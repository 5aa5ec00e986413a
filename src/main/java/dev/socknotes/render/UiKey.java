package dev.socknotes.render;

import dev.socknotes.exec.Containment;
import dev.socknotes.verify.ClaimLedger;
import dev.socknotes.verify.SnippetStatus;

/**
 * Every UI string the Java code shows, by its key in templates/ui/*.properties. UiStrings.load
 * checks that both tables hold each of them, so a missing or misspelt key fails when the tables
 * load, not when a page happens to need it.
 */
public enum UiKey {
    CLAIMS_CLAIM("claims.claim"),
    CLAIMS_EVIDENCE("claims.evidence"),
    CLAIMS_INTRO("claims.intro"),
    CLAIMS_ON_THIS_PAGE("claims.onThisPage"),
    CLAIMS_SUMMARY("claims.summary"),
    CLAIMS_TITLE("claims.title"),
    CLAIMS_VERDICT("claims.verdict"),
    CONTAINMENT_FULL("containment.full"),
    CONTAINMENT_NETWORK("containment.network"),
    CONTAINMENT_NONE("containment.none"),
    CONTAINMENT_PROCESSES("containment.processes"),
    DIAGRAM_CAPTION("diagram.caption"),
    DIAGRAM_CLIENT("diagram.client"),
    DIAGRAM_SERVER("diagram.server"),
    DIAGRAM_STATES("diagram.states"),
    DIAGRAM_STATES_OBSERVED("diagram.statesObserved"),
    REVERIFY_CONTAINMENT("reverify.containment"),
    REVERIFY_TEXT("reverify.text"),
    REVERIFY_TITLE("reverify.title"),
    SNIPPET_CACHED("snippet.cached"),
    SNIPPET_RECORDED("snippet.recorded"),
    SNIPPET_RECORDED_NON_LINUX("snippet.recordedNonLinux"),
    SNIPPET_SETUP_CODE("snippet.setupCode"),
    SNIPPET_SILENT("snippet.silent"),
    SNIPPET_SYSCTL("snippet.sysctl"),
    SNIPPET_VERIFIED("snippet.verified"),
    SNIPPET_VERIFIED_ON("snippet.verifiedOn"),
    SITE_TAGLINE("site.tagline"),
    SITE_TITLE("site.title"),
    STATUS_CACHED("status.cached"),
    STATUS_FAILED("status.failed"),
    STATUS_NOT_VERIFIED_HERE("status.not-verified-here"),
    STATUS_RECORDED("status.recorded"),
    STATUS_VERIFIED("status.verified"),
    SUPPORT_INTRO("support.intro"),
    SUPPORT_SUMMARY("support.summary"),
    SUPPORT_TITLE("support.title"),
    VERDICT_CONFIRMED("verdict.confirmed"),
    VERDICT_PARTLY("verdict.partly"),
    VERDICT_REFUTED("verdict.refuted"),
    VERDICT_UNTESTABLE("verdict.untestable"),
    VERIFICATION_CONTAINMENT("verification.containment"),
    VERIFICATION_CONTAINMENT_INTRO("verification.containmentIntro"),
    VERIFICATION_ENVIRONMENT("verification.environment"),
    VERIFICATION_INTRO("verification.intro"),
    VERIFICATION_SNIPPET("verification.snippet"),
    VERIFICATION_STATUS("verification.status"),
    VERIFICATION_SUMMARY("verification.summary"),
    VERIFICATION_TITLE("verification.title"),
    VERIFICATION_TOPIC("verification.topic"),
    // the kernel matrix (issue 16)
    KERNELS_ALSO("kernels.also"),
    KERNELS_VERIFIED("kernels.verified"),
    KERNELS_DIFFER("kernels.differ"),
    KERNELS_STALE("kernels.stale"),
    KERNELS_MISSING("kernels.missing"),
    KERNELS_CLAUSES("kernels.clauses"),
    KERNELS_LIST("kernels.list"),
    KERNELS_THIS_BUILD("kernels.thisBuild"),
    KERNEL_SAME("kernel.same"),
    KERNEL_DIFFERS("kernel.differs"),
    KERNEL_STALE("kernel.stale"),
    KERNEL_MISSING("kernel.missing"),
    KERNEL_DIFF("kernel.diff"),
    CLAIMS_KERNELS_ALL("claims.kernelsAll"),
    CLAIMS_KERNELS_HOLDS("claims.kernelsHolds"),
    CLAIMS_KERNELS_FAILS("claims.kernelsFails"),
    CLAIMS_KERNELS_NOT_CHECKED("claims.kernelsNotChecked"),
    MATRIX_TITLE("matrix.title"),
    MATRIX_SUMMARY("matrix.summary"),
    MATRIX_INTRO("matrix.intro"),
    MATRIX_SNIPPET("matrix.snippet"),
    MATRIX_KERNEL("matrix.kernel"),
    MATRIX_KERNEL_NO_RECORDS("matrix.kernelNoRecords"),
    TRANSLATION_BEHIND("translation.behind"),
    TRANSLATION_BOTH("translation.both"),
    TRANSLATION_OTHER("translation.other"),
    TRANSLATION_SIDE_BY_SIDE("translation.sideBySide"),
    VERIFICATION_STALE_INTRO("verification.staleIntro"),
    VERIFICATION_STALE_NONE("verification.staleNone"),
    VERIFICATION_SECTION("verification.section"),
    VERIFICATION_STALE_STATE("verification.staleState"),
    VERIFICATION_STALE_BEHIND("verification.staleBehind"),
    VERIFICATION_STALE_BOTH("verification.staleBoth"),
    TERMS_TERM("terms.term"),
    TERMS_OTHER("terms.other"),
    TERMS_MEANING("terms.meaning"),
    TERMS_AVOID("terms.avoid");

    private final String key;

    UiKey(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The label of a snippet's status in the verification table. */
    public static UiKey of(SnippetStatus status) {
        return switch (status) {
            case VERIFIED -> STATUS_VERIFIED;
            case CACHED -> STATUS_CACHED;
            case RECORDED -> STATUS_RECORDED;
            case NOT_VERIFIED_HERE -> STATUS_NOT_VERIFIED_HERE;
            case FAILED -> STATUS_FAILED;
        };
    }

    /** How a topic's snippets were contained, in the verification table. */
    public static UiKey of(Containment containment) {
        return switch (containment) {
            case FULL -> CONTAINMENT_FULL;
            case PROCESSES -> CONTAINMENT_PROCESSES;
            case NETWORK -> CONTAINMENT_NETWORK;
            case NONE -> CONTAINMENT_NONE;
        };
    }

    /** The label of a claim's verdict. */
    public static UiKey of(ClaimLedger.Verdict verdict) {
        return switch (verdict) {
            case CONFIRMED -> VERDICT_CONFIRMED;
            case PARTLY -> VERDICT_PARTLY;
            case REFUTED -> VERDICT_REFUTED;
            case UNTESTABLE -> VERDICT_UNTESTABLE;
        };
    }
}
