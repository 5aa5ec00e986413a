package dev.socknotes.matrix;

import java.nio.file.Path;
import java.util.List;

/**
 * The class-data archive a guest's agent JVM starts from. Emulated, most of an agent's start and
 * much of each snippet is the JVM spinning method-handle classes (FFM downcalls, lambdas, string
 * concatenation) and loading the agent's, JShell's and the support library's classes; an AOT
 * cache (JDK 25's {@code -XX:AOTCacheOutput}) written at the end of a training run in a guest holds
 * them loaded and linked, so later agents map them instead. The archive is an optimisation only: the JVM checks it against its own build and the
 * class path, and ignores one that does not match.
 */
sealed interface AgentArchive {
    /** Where the guest's agent finds the archive, and where a training run writes it. */
    String IN_GUEST = "/opt/socknotes/agent.jsa";
    String WRITTEN_IN_GUEST = "/tmp/agent.jsa";
    /** The virtio-serial port a training run copies its archive to (a file on the host). */
    String PORT = "socknotes.archive";

    /** The agent JVM's options for this archive. */
    List<String> jvmOptions();

    /** Shell lines /init runs after the agent JVM ended. */
    String afterAgent();

    /** No archive beyond the runtime's own (JDK classes only). */
    record None() implements AgentArchive {
        @Override
        public List<String> jvmOptions() {
            return List.of();
        }

        @Override
        public String afterAgent() {
            return "";
        }
    }

    /** A training run: the agent writes the archive when it exits, and /init copies it to the host. */
    record Training() implements AgentArchive {
        @Override
        public List<String> jvmOptions() {
            return List.of("-XX:AOTCacheOutput=" + WRITTEN_IN_GUEST);
        }

        @Override
        public String afterAgent() {
            return "[ -f " + WRITTEN_IN_GUEST + " ] && cat " + WRITTEN_IN_GUEST + " > /dev/" + PORT + "\n";
        }
    }

    /** Start from {@code file}, a training run's archive, placed in the image. */
    record Trained(Path file) implements AgentArchive {
        @Override
        public List<String> jvmOptions() {
            return List.of("-XX:AOTCache=" + IN_GUEST);
        }

        @Override
        public String afterAgent() {
            return "";
        }
    }
}
