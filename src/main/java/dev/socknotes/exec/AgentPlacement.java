package dev.socknotes.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where agents run when not on this machine: e.g. in a virtual machine with another kernel (the
 * kernel matrix). The agent connects back to {@code socket} twice, naming each connection with its
 * first byte, exactly as a local agent does, so JShell speaks the same protocol either way.
 */
public interface AgentPlacement {
    /** The command that starts the agent (and whatever hosts it) for one topic's session. */
    java.util.List<String> command(Path socket, String name, Map<String, String> sysctls) throws Exception;

    /** How long the agent may take from the command's start to both connections named. */
    Duration connectLimit();

    /**
     * How long the command may take to end by itself once the build closed the agent's connections,
     * before it is killed: zero (the default) kills at once; a machine whose agent writes something
     * when it exits needs that long.
     */
    default Duration exitGrace() {
        return Duration.ZERO;
    }
}
