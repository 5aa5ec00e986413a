package dev.socknotes.verify;

/** What the site can say about a snippet's output after this build. */
public enum SnippetStatus {
    /** Executed in this build and matched its output block (or needs none: hidden, silent). */
    VERIFIED("verified"),
    /** Taken from the result cache of an earlier build with identical inputs (preview builds). */
    CACHED("cached"),
    /** A slow snippet not executed in this build: its recorded output block is shown. */
    RECORDED("recorded"),
    /** Not executed because this machine cannot (not Linux, no sandbox): recorded output shown. */
    NOT_VERIFIED_HERE("not-verified-here"),
    /** Executed and failed (the build fails; only used in reports). */
    FAILED("failed");

    private final String jsonName;

    SnippetStatus(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
