package dev.socknotes.exec;

import java.util.Locale;

/**
 * What kept a topic's snippets away from everything else, as its agent actually ran: the pages
 * come from contributors, and CI builds a pull request's content by running it.
 */
public enum Containment {
    /**
     * Own user, network, PID and mount namespaces: only {@code lo}; the agent is the namespace's
     * init, so no process it starts outlives it, and the build's processes are out of sight; the
     * whole filesystem is read-only except the agent's scratch folder and a private {@code /tmp}.
     */
    FULL,
    /** As {@link #FULL}, but the filesystem could not be made read-only here: files are shared with the build. */
    PROCESSES,
    /** Own user and network namespace only (no PID or mount namespace here): processes and files are shared. */
    NETWORK,
    /** None: the agent runs beside the build, as the build's user. */
    NONE;

    /** The name in verification.json and the key of its UI string: "full", "processes", ... */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What this level leaves shared with the build, for messages ("" for {@link #FULL}). */
    public String shared() {
        return switch (this) {
            case FULL -> "";
            case PROCESSES -> "files";
            case NETWORK -> "processes and files";
            case NONE -> "network, processes and files";
        };
    }
}
